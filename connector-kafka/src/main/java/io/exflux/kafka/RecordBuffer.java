package io.exflux.kafka;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's bounded buffer in front of a Kafka producer. {@link #offer} never blocks (a lock-free
 * queue, safe on Reactor and Netty threads); one sender thread of its own hands records to
 * {@link Producer#send}, which may block while the producer waits for metadata or memory. A record
 * counts against the capacity from the offer until the broker acknowledges it (or the producer gives
 * up), so a slow or absent broker fills the buffer and the {@link OverflowAction} decides what is dropped.
 */
final class RecordBuffer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecordBuffer.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Producer<byte[], byte[]> producer;
    private final int capacity;
    private final OverflowAction overflowAction;
    private final ConcurrentLinkedDeque<ProducerRecord<byte[], byte[]>> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    RecordBuffer(Producer<byte[], byte[]> producer, int capacity, OverflowAction overflowAction, String threadName) {
        this.producer = producer;
        this.capacity = capacity;
        this.overflowAction = overflowAction;
        this.sender = new Thread(this::sendLoop, threadName);
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Queues {@code record}; false when it was dropped itself (the oldest dropped instead still returns true). */
    boolean offer(ProducerRecord<byte[], byte[]> record) {
        offered.incrementAndGet();
        if (held.incrementAndGet() > capacity) {
            if (overflowAction == OverflowAction.DROP_NEWEST || queue.pollFirst() == null) {
                // everything held is already with the producer: nothing older can be dropped
                held.decrementAndGet();
                dropped.incrementAndGet();
                return false;
            }
            held.decrementAndGet();
            dropped.incrementAndGet();
        }
        queue.offerLast(record);
        LockSupport.unpark(sender);
        return true;
    }

    PublisherStats stats() {
        return new PublisherStats(offered.get(), published.get(), failed.get(), dropped.get(), Math.max(0, held.get()));
    }

    private void sendLoop() {
        while (running) {
            ProducerRecord<byte[], byte[]> record = queue.pollFirst();
            if (record == null) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            try {
                producer.send(record, (metadata, error) -> {
                    held.decrementAndGet();
                    if (error == null) {
                        published.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        log.warn("a record for {} was not delivered: {}", record.topic(), error.toString());
                    }
                });
            } catch (RuntimeException e) {
                // send() failed before the record reached the producer (closed, too large, timed out on metadata)
                held.decrementAndGet();
                failed.incrementAndGet();
                if (running) {
                    log.warn("a record for {} could not be sent: {}", record.topic(), e.toString());
                }
            }
        }
    }

    /** Stops the sender, then lets the producer deliver what it holds for up to {@code timeout}. Blocks. */
    void close(Duration timeout) {
        running = false;
        LockSupport.unpark(sender);
        try {
            sender.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // what the sender never handed over is lost with the process: count it
        int left = 0;
        while (queue.pollFirst() != null) {
            left++;
        }
        held.addAndGet(-left);
        dropped.addAndGet(left);
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
