package io.lightpath.demo;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.lightpath.proto.v1.ConnectivityServiceGrpc;
import io.lightpath.proto.v1.ListServicesRequest;
import io.lightpath.proto.v1.Service;
import io.lightpath.proto.v1.ServiceEvent;
import io.lightpath.proto.v1.ServiceState;
import io.lightpath.proto.v1.WatchServicesRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows {@code WatchServices} from the revision after a listing, so no change made after
 * {@link #start} is missed, and completes futures when a service reaches a state.
 *
 * <p>Thread-safe. Events arrive on a gRPC thread; listeners run there and must be quick.
 */
public final class ServiceWatch implements AutoCloseable {
  /** A received event and when it arrived (System.nanoTime). */
  public record Received(long atNanos, ServiceEvent event) {}

  private record Pending(Set<ServiceState> states, CompletableFuture<Service> future) {}

  private final Object lock = new Object();
  private final Map<String, Service> latest = new HashMap<>();
  private final Map<String, List<Pending>> pending = new HashMap<>();
  private final List<Received> events = new ArrayList<>();
  private final boolean keepEvents;
  private volatile Consumer<Received> listener = r -> {};
  private volatile Throwable streamError;
  private io.grpc.Context.CancellableContext context;

  private ServiceWatch(boolean keepEvents) {
    this.keepEvents = keepEvents;
  }

  /**
   * Lists the services (to learn the current revision) and watches from the next revision.
   *
   * @param keepEvents whether to keep every event for {@link #events()} (off for benchmarks)
   */
  public static ServiceWatch start(ManagedChannel channel, boolean keepEvents) {
    long revision = ConnectivityServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .listServices(ListServicesRequest.newBuilder().setPageSize(1).build())
        .getRevision();
    return start(channel, revision + 1, keepEvents);
  }

  /**
   * Watches from {@code startRevision} (a client resuming after its last seen revision passes that
   * revision + 1).
   *
   * @param keepEvents whether to keep every event for {@link #events()} (off for benchmarks)
   */
  public static ServiceWatch start(ManagedChannel channel, long startRevision, boolean keepEvents) {
    ServiceWatch w = new ServiceWatch(keepEvents);
    w.context = io.grpc.Context.current().withCancellation();
    w.context.run(() -> ConnectivityServiceGrpc.newStub(channel).watchServices(
        WatchServicesRequest.newBuilder().setStartRevision(startRevision).build(), w.observer()));
    return w;
  }

  private StreamObserver<ServiceEvent> observer() {
    return new StreamObserver<>() {
      @Override
      public void onNext(ServiceEvent e) {
        Received r = new Received(System.nanoTime(), e);
        List<Pending> done = new ArrayList<>();
        Service s = e.getService();
        synchronized (lock) {
          latest.put(s.getName(), s);
          if (keepEvents) {
            events.add(r);
          }
          List<Pending> waiting = pending.get(s.getName());
          if (waiting != null) {
            for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
              Pending p = it.next();
              if (p.states().contains(s.getState())) {
                done.add(p);
                it.remove();
              }
            }
            if (waiting.isEmpty()) {
              pending.remove(s.getName());
            }
          }
          lock.notifyAll();
        }
        done.forEach(p -> p.future().complete(s));
        listener.accept(r);
      }

      @Override
      public void onError(Throwable t) {
        failAll(t);
      }

      @Override
      public void onCompleted() {
        failAll(Status.UNAVAILABLE.withDescription("watch stream ended").asRuntimeException());
      }
    };
  }

  private void failAll(Throwable t) {
    List<Pending> all = new ArrayList<>();
    synchronized (lock) {
      streamError = t;
      pending.values().forEach(all::addAll);
      pending.clear();
      lock.notifyAll();
    }
    all.forEach(p -> p.future().completeExceptionally(t));
  }

  /** Called for every event after it is recorded. */
  public void onEvent(Consumer<Received> l) {
    listener = l;
  }

  /**
   * Completes with the service once an event shows it in one of {@code states} (at once if the
   * latest event already does); completes exceptionally if the stream fails.
   */
  public CompletableFuture<Service> when(String name, Set<ServiceState> states) {
    CompletableFuture<Service> f = new CompletableFuture<>();
    synchronized (lock) {
      Service s = latest.get(name);
      if (s != null && states.contains(s.getState())) {
        f.complete(s);
        return f;
      }
      if (streamError != null) {
        f.completeExceptionally(streamError);
        return f;
      }
      pending.computeIfAbsent(name, k -> new ArrayList<>()).add(new Pending(states, f));
    }
    return f;
  }

  /** The last event's view of each service seen so far. */
  public Map<String, Service> latest() {
    synchronized (lock) {
      return Map.copyOf(latest);
    }
  }

  /** Every event so far (empty unless started with keepEvents). */
  public List<Received> events() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  /** Why the stream stopped, or null while it runs. */
  public Throwable error() {
    return streamError;
  }

  @Override
  public void close() {
    if (context != null) {
      context.cancel(null);
    }
  }
}
