/** The embedded, durable {@link io.lightpath.store.StateStore} backend on an H2 MVStore file. */
package io.lightpath.store.mvstore;
