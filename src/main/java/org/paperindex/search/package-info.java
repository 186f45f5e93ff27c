/** Query parsing and searching over the Lucene index, with user-facing field names and validation. */
package org.paperindex.search;
