/** Talking to arXiv politely (one shared throttle, retrying HTTP client) and OAI-PMH harvesting with durable checkpoints. */
package org.paperindex.harvest;
