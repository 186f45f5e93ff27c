/** The Lucene index: one schema class, the near-real-time index, and the ingest facade that keeps store and index consistent. */
package org.paperindex.index;
