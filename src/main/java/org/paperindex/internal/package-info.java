/** Helpers we do not promise to keep as API. */
package org.paperindex.internal;
