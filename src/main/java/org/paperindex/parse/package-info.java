/** One parser per source format (OAI-PMH arXiv/arXivRaw/oai_dc, Atom, Kaggle snapshot): pure functions, no I/O. */
package org.paperindex.parse;
