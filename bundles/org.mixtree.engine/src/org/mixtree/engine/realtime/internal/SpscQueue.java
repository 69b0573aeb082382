package org.mixtree.engine.realtime.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer/single-consumer queue of references: the producer ([main]) allocates the messages,
 * the consumer ([audio]) only reads them, so neither side allocates in the queue nor takes a lock.
 */
public final class SpscQueue<T> {
	private final Object[] slots;
	private final int mask;
	private final AtomicLong head = new AtomicLong();
	private final AtomicLong tail = new AtomicLong();

	public SpscQueue(int capacity) {
		int cap = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
		slots = new Object[cap];
		mask = cap - 1;
	}

	/** [producer] @return false when full */
	public boolean offer(T item) {
		long t = tail.get();
		if (t - head.get() >= slots.length) {
			return false;
		}
		slots[(int) (t & mask)] = item;
		tail.lazySet(t + 1);
		return true;
	}

	/** [consumer] @return the oldest item without removing it, or null */
	@SuppressWarnings("unchecked")
	public T peek() {
		long h = head.get();
		return h == tail.get() ? null : (T) slots[(int) (h & mask)];
	}

	/** [consumer] Removes the oldest item (after {@link #peek} returned it). */
	public void remove() {
		long h = head.get();
		slots[(int) (h & mask)] = null;
		head.lazySet(h + 1);
	}
}
