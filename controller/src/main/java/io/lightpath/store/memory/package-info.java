/** The heap-only {@link io.lightpath.store.StateStore} backend, for tests and throwaway runs. */
package io.lightpath.store.memory;
