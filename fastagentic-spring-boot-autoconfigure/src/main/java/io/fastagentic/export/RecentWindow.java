package io.fastagentic.export;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Spans exported and lost over the last minute, in twelve five-second slices. Updated
 * without locks from the exporter and from the threads that end spans; a slice that turns
 * over while another thread adds to it may lose that addition, which a health figure can
 * afford.
 */
final class RecentWindow {

	static final long SLICE_MILLIS = 5_000;

	static final int SLICES = 12;

	private final AtomicLongArray sliceIds = new AtomicLongArray(SLICES);

	private final AtomicLongArray exported = new AtomicLongArray(SLICES);

	private final AtomicLongArray lost = new AtomicLongArray(SLICES);

	RecentWindow() {
		for (int i = 0; i < SLICES; i++) {
			this.sliceIds.set(i, -1);
		}
	}

	void addExported(long nowMillis, long spans) {
		this.exported.addAndGet(slice(nowMillis), spans);
	}

	void addLost(long nowMillis, long spans) {
		this.lost.addAndGet(slice(nowMillis), spans);
	}

	private int slice(long nowMillis) {
		long id = nowMillis / SLICE_MILLIS;
		int index = (int) (id % SLICES);
		long current = this.sliceIds.get(index);
		if (current != id && this.sliceIds.compareAndSet(index, current, id)) {
			this.exported.set(index, 0);
			this.lost.set(index, 0);
		}
		return index;
	}

	Totals totals(long nowMillis) {
		long newest = nowMillis / SLICE_MILLIS;
		long exportedSum = 0;
		long lostSum = 0;
		int slicesWithLoss = 0;
		for (int i = 0; i < SLICES; i++) {
			long id = this.sliceIds.get(i);
			if (id > newest - SLICES && id <= newest) {
				exportedSum += this.exported.get(i);
				long sliceLost = this.lost.get(i);
				lostSum += sliceLost;
				if (sliceLost > 0) {
					slicesWithLoss++;
				}
			}
		}
		return new Totals(exportedSum, lostSum, slicesWithLoss);
	}

	/**
	 * Sums over the window.
	 *
	 * @param exported spans the collector accepted
	 * @param lost spans dropped, whatever the reason
	 * @param slicesWithLoss how many five-second slices saw a loss
	 */
	record Totals(long exported, long lost, int slicesWithLoss) {
	}

}
