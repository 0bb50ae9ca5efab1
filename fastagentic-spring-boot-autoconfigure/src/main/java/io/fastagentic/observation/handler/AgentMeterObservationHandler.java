package io.fastagentic.observation.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The meters of FastAgentic's own observations, exactly those Micrometer's
 * {@link DefaultMeterObservationHandler} records — a timer named after the observation,
 * tagged with its low-cardinality key values and {@code error}; a long task timer
 * {@code <name>.active} unless long task timers are ignored; a counter
 * {@code <name>.<event>} per event — with each meter registered once and reused instead
 * of built, tagged and looked up in the registry on every start and stop.
 * <p>
 * It handles only the observations it is given (FastAgentic's own and Spring's server
 * requests, never a framework's with meter handlers of its own, which stay in charge);
 * every other observation goes on to Spring Boot's meter handler.
 *
 * @author FastAgentic
 */
public class AgentMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

	/**
	 * Ahead of Spring Boot's meter handler, which has no order, and after any ordered
	 * handler of the application's.
	 */
	public static final int ORDER = 500;

	private static final String NO_ERROR = "none";

	private static final String ACTIVE = "";

	private final MeterRegistry registry;

	private final Predicate<Observation.Context> observations;

	private final boolean longTaskTimers;

	private final MeterCache<MeterKey, Timer> timers;

	private final MeterCache<MeterKey, LongTaskTimer> activeTimers;

	private final MeterCache<MeterKey, Counter> eventCounters;

	/**
	 * Create a handler.
	 * @param registry where meters are registered
	 * @param observations the observations handled
	 * @param longTaskTimers whether long task timers are recorded (Spring Boot's
	 * {@code management.metrics.observations.ignored-meters} can leave them out)
	 */
	public AgentMeterObservationHandler(MeterRegistry registry, Predicate<Observation.Context> observations,
			boolean longTaskTimers) {
		this.registry = registry;
		this.observations = observations;
		this.longTaskTimers = longTaskTimers;
		this.timers = new MeterCache<>(registry);
		this.activeTimers = new MeterCache<>(registry);
		this.eventCounters = new MeterCache<>(registry);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.observations.test(context);
	}

	@Override
	public void onStart(Observation.Context context) {
		if (this.longTaskTimers) {
			MeterKey key = new MeterKey(context.getName(), context.getLowCardinalityKeyValues(), ACTIVE);
			LongTaskTimer active = this.activeTimers.get(key);
			if (active == null) {
				active = this.activeTimers.put(key,
						LongTaskTimer.builder(key.name() + ".active").tags(tags(key, null)).register(this.registry));
			}
			context.put(LongTaskTimer.Sample.class, active.start());
		}
		context.put(Timer.Sample.class, Timer.start(this.registry));
	}

	@Override
	public void onStop(Observation.Context context) {
		Throwable error = context.getError();
		MeterKey key = new MeterKey(context.getName(), context.getLowCardinalityKeyValues(),
				(error != null) ? error.getClass().getSimpleName() : NO_ERROR);
		Timer timer = this.timers.get(key);
		if (timer == null) {
			timer = this.timers.put(key,
					Timer.builder(key.name()).tags(tags(key, key.qualifier())).register(this.registry));
		}
		Timer.Sample sample = context.getRequired(Timer.Sample.class);
		sample.stop(timer);
		if (this.longTaskTimers) {
			LongTaskTimer.Sample active = context.getRequired(LongTaskTimer.Sample.class);
			active.stop();
		}
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		MeterKey key = new MeterKey(context.getName(), context.getLowCardinalityKeyValues(), event.getName());
		Counter counter = this.eventCounters.get(key);
		if (counter == null) {
			counter = this.eventCounters.put(key,
					Counter.builder(key.name() + "." + key.qualifier()).tags(tags(key, null)).register(this.registry));
		}
		counter.increment();
	}

	private static Tags tags(MeterKey key, @Nullable String error) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : key.keyValues()) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		if (error != null) {
			tags.add(Tag.of("error", error));
		}
		return Tags.of(tags);
	}

	/**
	 * What tells an observation's meters apart: its name, its low-cardinality key values
	 * and a qualifier (the error of a timer, the event of a counter, empty for a long
	 * task timer). Not a record: a record's generated {@code equals} costs more than the
	 * lookup it serves.
	 */
	private static final class MeterKey {

		private final String name;

		private final KeyValues keyValues;

		private final String qualifier;

		private final int hash;

		MeterKey(String name, KeyValues keyValues, String qualifier) {
			this.name = name;
			this.keyValues = keyValues;
			this.qualifier = qualifier;
			this.hash = 31 * (31 * name.hashCode() + keyValues.hashCode()) + qualifier.hashCode();
		}

		String name() {
			return this.name;
		}

		KeyValues keyValues() {
			return this.keyValues;
		}

		String qualifier() {
			return this.qualifier;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other
					|| (other instanceof MeterKey key && this.hash == key.hash && this.name.equals(key.name)
							&& this.qualifier.equals(key.qualifier) && this.keyValues.equals(key.keyValues));
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
