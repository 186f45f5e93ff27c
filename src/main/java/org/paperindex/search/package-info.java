/**
 * Search over the Lucene index: {@link org.paperindex.search.SearchService} is the entry point
 * (search, related papers, suggestions); {@link org.paperindex.search.SearchRequest} validates
 * requests (also from raw HTTP parameters); the package-private helpers build queries and
 * filters, compute drill-sideways facets, encode cursors and highlight snippets.
 */
package org.paperindex.search;
