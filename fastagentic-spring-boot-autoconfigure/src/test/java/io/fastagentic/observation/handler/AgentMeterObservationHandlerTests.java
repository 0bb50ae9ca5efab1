package io.fastagentic.observation.handler;

import java.util.List;
import java.util.function.Consumer;

import io.fastagentic.observation.checkpoint.CheckpointWriteObservationContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AgentMeterObservationHandler}.
 */
class AgentMeterObservationHandlerTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void recordsTheMetersOfMicrometersDefaultHandler() {
		MeterRegistry expected = new SimpleMeterRegistry();
		record(new DefaultMeterObservationHandler(expected), this::observeThree);
		record(handler(true), this::observeThree);
		assertThat(describe(this.meters)).isEqualTo(describe(expected)).isNotEmpty();
	}

	@Test
	void leavesLongTaskTimersOutWhenBootIgnoresThem() {
		MeterRegistry expected = new SimpleMeterRegistry();
		record(new DefaultMeterObservationHandler(expected,
				DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER), this::observeThree);
		record(handler(false), this::observeThree);
		assertThat(describe(this.meters)).isEqualTo(describe(expected));
		assertThat(this.meters.find("checkpoint.write.active").longTaskTimer()).isNull();
	}

	@Test
	void reusesOneTimerPerNameKeyValuesAndError() {
		ObservationRegistry registry = registry(handler(true));
		for (int i = 0; i < 3; i++) {
			checkpoint(registry, "redis").observe(() -> {
			});
		}
		Timer timer = this.meters.get("checkpoint.write").tag("store", "redis").tag("error", "none").timer();
		assertThat(timer.count()).isEqualTo(3);
		assertThat(this.meters.get("checkpoint.write.active").longTaskTimer().activeTasks()).isZero();
	}

	@Test
	void activeTimerCountsTheRunningObservation() {
		ObservationRegistry registry = registry(handler(true));
		Observation observation = checkpoint(registry, "redis").start();
		LongTaskTimer active = this.meters.get("checkpoint.write.active").tag("store", "redis").longTaskTimer();
		assertThat(active.activeTasks()).isOne();
		observation.stop();
		assertThat(active.activeTasks()).isZero();
	}

	@Test
	void stillRecordsPastTheCachedMeters() {
		ObservationRegistry registry = registry(handler(true));
		for (int i = 0; i <= MeterCache.MAX_CACHED_METERS; i++) {
			checkpoint(registry, "store-" + i).observe(() -> {
			});
		}
		checkpoint(registry, "store-" + MeterCache.MAX_CACHED_METERS).observe(() -> {
		});
		assertThat(this.meters.get("checkpoint.write")
			.tag("store", "store-" + MeterCache.MAX_CACHED_METERS)
			.timer()
			.count()).isEqualTo(2);
	}

	@Test
	void recordsIntoTheRegistryAgainAfterAMeterIsRemoved() {
		ObservationRegistry registry = registry(handler(true));
		checkpoint(registry, "redis").observe(() -> {
		});
		this.meters.clear();
		checkpoint(registry, "redis").observe(() -> {
		});
		assertThat(this.meters.get("checkpoint.write").tag("store", "redis").timer().count()).isOne();
	}

	@Test
	void handlesOnlyTheObservationsItIsGiven() {
		AgentMeterObservationHandler handler = handler(true);
		assertThat(handler.supportsContext(new CheckpointWriteObservationContext("redis", 64))).isTrue();
		assertThat(handler.supportsContext(new Observation.Context())).isFalse();
	}

	private AgentMeterObservationHandler handler(boolean longTaskTimers) {
		return new AgentMeterObservationHandler(this.meters,
				(context) -> context instanceof CheckpointWriteObservationContext, longTaskTimers);
	}

	private void record(MeterObservationHandler<Observation.Context> handler, Consumer<ObservationRegistry> work) {
		work.accept(registry(handler));
	}

	private static ObservationRegistry registry(MeterObservationHandler<Observation.Context> handler) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(handler);
		return registry;
	}

	private void observeThree(ObservationRegistry registry) {
		checkpoint(registry, "redis").observe(() -> {
		});
		Observation failed = checkpoint(registry, "redis").start();
		failed.event(Observation.Event.of("retry"));
		failed.error(new IllegalStateException("store down"));
		failed.stop();
		checkpoint(registry, "postgres").observe(() -> {
		});
	}

	private static Observation checkpoint(ObservationRegistry registry, String store) {
		CheckpointWriteObservationContext context = new CheckpointWriteObservationContext(store, 64);
		return Observation.createNotStarted("checkpoint.write", () -> context, registry)
			.lowCardinalityKeyValue("store", store);
	}

	/**
	 * Each meter's type, name and tags, with the count of those that count.
	 */
	private static List<String> describe(MeterRegistry registry) {
		return registry.getMeters().stream().map(AgentMeterObservationHandlerTests::describe).sorted().toList();
	}

	private static String describe(Meter meter) {
		String count = "";
		if (meter instanceof Timer timer) {
			count = " count=" + timer.count();
		}
		else if (meter instanceof LongTaskTimer active) {
			count = " active=" + active.activeTasks();
		}
		else if (meter instanceof Counter counter) {
			count = " count=" + counter.count();
		}
		return meter.getId().getType() + " " + meter.getId().getName() + " " + meter.getId().getTags() + count;
	}

}
