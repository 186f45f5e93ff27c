/** The durable record store: every paper ever seen, merged across sources, with a change log and a quarantine. */
package org.paperindex.store;
