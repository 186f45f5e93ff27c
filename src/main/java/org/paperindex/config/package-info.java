/** Typed configuration, read once at start-up from config/application.properties and -D overrides. */
package org.paperindex.config;
