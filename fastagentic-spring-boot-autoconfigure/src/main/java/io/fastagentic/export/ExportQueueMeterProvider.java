package io.fastagentic.export;

import java.util.function.Consumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.context.Context;

/**
 * The OpenTelemetry {@link MeterProvider} handed to the SDK's batch span processor so
 * that the spans it drops on a full queue are counted. The processor reports them only
 * through its self-metrics; this provider turns that one counter into
 * {@link SpanExportMonitor#recordQueueFull(long)} and is a no-op for every other
 * instrument, so no metrics pipeline is built.
 * <p>
 * Both the legacy ({@code processedSpans} with {@code dropped=true}) and the semantic
 * convention ({@code otel.sdk.processor.span.processed} with
 * {@code error.type=queue_full}) forms are understood.
 *
 * @author FastAgentic
 */
public final class ExportQueueMeterProvider implements MeterProvider {

	static final String LEGACY_PROCESSED_SPANS = "processedSpans";

	static final String PROCESSED_SPANS = "otel.sdk.processor.span.processed";

	private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");

	private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

	private static final Meter NOOP = MeterProvider.noop().get("noop");

	private final Meter meter;

	/**
	 * Create a provider reporting to the given monitor.
	 * @param monitor where dropped spans are counted
	 */
	public ExportQueueMeterProvider(SpanExportMonitor monitor) {
		this.meter = new DropCountingMeter(monitor);
	}

	@Override
	public MeterBuilder meterBuilder(String instrumentationScopeName) {
		return new MeterBuilder() {

			@Override
			public MeterBuilder setSchemaUrl(String schemaUrl) {
				return this;
			}

			@Override
			public MeterBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
				return this;
			}

			@Override
			public Meter build() {
				return ExportQueueMeterProvider.this.meter;
			}

		};
	}

	static boolean isQueueFullDrop(Attributes attributes) {
		return Boolean.TRUE.equals(attributes.get(DROPPED)) || "queue_full".equals(attributes.get(ERROR_TYPE));
	}

	private static final class DropCountingMeter implements Meter {

		private final LongCounter droppedSpans;

		DropCountingMeter(SpanExportMonitor monitor) {
			this.droppedSpans = new LongCounter() {

				@Override
				public void add(long value) {
				}

				@Override
				public void add(long value, Attributes attributes) {
					if (isQueueFullDrop(attributes)) {
						monitor.recordQueueFull(value);
					}
				}

				@Override
				public void add(long value, Attributes attributes, Context context) {
					add(value, attributes);
				}

			};
		}

		@Override
		public LongCounterBuilder counterBuilder(String name) {
			if (LEGACY_PROCESSED_SPANS.equals(name) || PROCESSED_SPANS.equals(name)) {
				return new DroppedSpansCounterBuilder(this.droppedSpans, NOOP.counterBuilder(name));
			}
			return NOOP.counterBuilder(name);
		}

		@Override
		public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
			return NOOP.upDownCounterBuilder(name);
		}

		@Override
		public DoubleHistogramBuilder histogramBuilder(String name) {
			return NOOP.histogramBuilder(name);
		}

		@Override
		public DoubleGaugeBuilder gaugeBuilder(String name) {
			return NOOP.gaugeBuilder(name);
		}

	}

	private static final class DroppedSpansCounterBuilder implements LongCounterBuilder {

		private final LongCounter counter;

		private final LongCounterBuilder noop;

		DroppedSpansCounterBuilder(LongCounter counter, LongCounterBuilder noop) {
			this.counter = counter;
			this.noop = noop;
		}

		@Override
		public LongCounterBuilder setDescription(String description) {
			return this;
		}

		@Override
		public LongCounterBuilder setUnit(String unit) {
			return this;
		}

		@Override
		public DoubleCounterBuilder ofDoubles() {
			return this.noop.ofDoubles();
		}

		@Override
		public LongCounter build() {
			return this.counter;
		}

		@Override
		public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
			return this.noop.buildWithCallback(callback);
		}

	}

}
