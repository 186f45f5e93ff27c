/**
 * Extraction from arXiv free text: TeX to Unicode for display, and code/dataset/project links
 * found in abstracts, comments and abs pages.
 */
package org.paperindex.extract;
