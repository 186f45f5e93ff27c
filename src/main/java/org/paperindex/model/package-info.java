/** The domain model: validating records for papers, authors, versions and identifiers. */
package org.paperindex.model;
