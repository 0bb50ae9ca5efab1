package io.fastagentic.observation.handler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Meters registered once and reused: looking a meter up in the registry on every
 * observation (its builder, its tags sorted, the registry's lookup) costs more than the
 * rest of a meter handler. Bounded: past {@value #MAX_CACHED_METERS} keys, meters are
 * looked up in the registry every time rather than held here. A meter removed from the
 * registry empties the cache, so that no observation records into a meter the registry no
 * longer publishes.
 *
 * @param <K> what tells the meters apart
 * @param <M> the meter, or a group of meters
 * @author FastAgentic
 */
final class MeterCache<K, M> {

	static final int MAX_CACHED_METERS = 1000;

	private final Map<K, M> meters = new ConcurrentHashMap<>();

	/**
	 * Create a cache of the meters of a registry.
	 * @param registry the registry the meters are registered with
	 */
	MeterCache(MeterRegistry registry) {
		registry.config().onMeterRemoved((removed) -> this.meters.clear());
	}

	/**
	 * The meter registered for a key.
	 * @param key the key
	 * @return the meter, or {@code null} when none is cached
	 */
	@Nullable M get(K key) {
		return this.meters.get(key);
	}

	/**
	 * Keep a meter just registered, unless the cache is full.
	 * @param key the key
	 * @param meter the meter
	 * @return the meter to use: the one another thread cached first, or this one
	 */
	M put(K key, M meter) {
		if (this.meters.size() >= MAX_CACHED_METERS) {
			return meter;
		}
		M existing = this.meters.putIfAbsent(key, meter);
		return (existing != null) ? existing : meter;
	}

}
