package io.mlops.inference.batching;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests on their way: handed to a request thread ({@link #track}) and not yet at a batching executor.
 * The collector of a batch waits for them (up to {@code maxQueueDelay}) instead of running what is queued
 * now, and a caller does not compute alone while others are on their way; with none on the way both behave
 * as without this, so a lone caller still never waits.
 *
 * <p>Why a count from the server's dispatch rather than from the controller: request threads are virtual,
 * and a virtual thread runs from its start until it parks, so at 64 connections on 2 cores nearly every
 * request in progress is one not yet started (queued for a carrier), invisible to anything inside the
 * request. Counting from the hand-off to the request thread sees them.
 *
 * <p>One count for the whole process, not per model: a request's model is not known when it is dispatched.
 * A collector may therefore wait for a request bound elsewhere (a health check, another model), at most
 * {@code maxQueueDelay}, and only while other requests are in progress, i.e. while the cores have work.
 */
public final class Arrivals {

    /** Never any request on its way: batching as if nothing were known about arrivals. */
    public static final Arrivals NONE = new Arrivals();

    private static final ThreadLocal<Ticket> CURRENT = new ThreadLocal<>();

    private final AtomicInteger onTheWay = new AtomicInteger();
    private final AtomicInteger inProgress = new AtomicInteger();

    /** Requests handed to request threads that have neither reached an executor nor ended. */
    public int onTheWay() {
        return onTheWay.get();
    }

    /**
     * Requests handed to request threads that have not ended: on their way, queued, computing or being answered.
     * How many concurrent requests the server holds, which tells a collector whether a full batch can form.
     */
    public int inProgress() {
        return inProgress.get();
    }

    /**
     * Counts {@code task} as on its way from now until it reaches an executor ({@link #landed()} on its
     * thread) or ends, whichever comes first.
     */
    public Runnable track(Runnable task) {
        onTheWay.incrementAndGet();
        inProgress.incrementAndGet();
        return () -> {
            Ticket ticket = new Ticket();
            CURRENT.set(ticket);
            try {
                task.run();
            } finally {
                CURRENT.remove();
                ticket.close();
                inProgress.decrementAndGet();
            }
        };
    }

    /** The task {@link #track} returned was refused by the executor it was for, so it will never run. */
    public void notDispatched() {
        onTheWay.decrementAndGet();
        inProgress.decrementAndGet();
    }

    /** The calling thread's request reached an executor; no-op on a thread {@link #track} did not start. */
    void landed() {
        Ticket ticket = CURRENT.get();
        if (ticket != null) {
            ticket.close();
        }
    }

    /** Used only by the thread running the task, so a plain field. */
    private final class Ticket {
        private boolean closed;

        void close() {
            if (!closed) {
                closed = true;
                onTheWay.decrementAndGet();
            }
        }
    }
}
