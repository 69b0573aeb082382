/**
 * The real-time player's machinery: prefetch rings and their disk thread, the lock-free command and parameter
 * queues, callback timing. Not API.
 */
package org.mixtree.engine.realtime.internal;
