package io.fastagentic.propagation.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.fastagentic.correlation.CorrelationKeys;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.util.ClassUtils;

/**
 * FastAgentic's propagation: accepts W3C {@code traceparent}/{@code tracestate}, B3
 * (single {@code b3} and multi {@code x-b3-*}) and Jaeger {@code uber-trace-id} (with
 * {@code uberctx-*} baggage) on the way in, whatever is configured for the way out, and
 * W3C {@code baggage}; writes only the configured formats on the way out, and baggage
 * only to allowed hosts. The parsers come from OpenTelemetry's propagator libraries.
 * <p>
 * Incoming baggage is bounded by the W3C limits (8192 bytes, 180 entries: the valid part
 * is kept), and never sets {@code run_id} or {@code user_id}, which only this service
 * assigns. At an untrusted edge the incoming context starts nothing: each request gets a
 * new trace (which {@link UntrustedParentLinkSpanProcessor} links to the incoming one),
 * and incoming baggage is dropped.
 *
 * @author FastAgentic
 */
public final class AgentTextMapPropagator implements TextMapPropagator {

	private static final Log logger = LogFactory.getLog(AgentTextMapPropagator.class);

	static final int MAX_BAGGAGE_BYTES = 8192;

	static final int MAX_BAGGAGE_ENTRIES = 180;

	private static final String BAGGAGE_HEADER = "baggage";

	private static final boolean SPRING_WEB_PRESENT = ClassUtils.isPresent("org.springframework.http.HttpRequest",
			AgentTextMapPropagator.class.getClassLoader());

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			AgentTextMapPropagator.class.getClassLoader());

	private static final List<TextMapPropagator> TRACE_EXTRACTORS = List.of(JaegerPropagator.getInstance(),
			B3Propagator.injectingSingleHeader(), W3CTraceContextPropagator.getInstance());

	private final List<TextMapPropagator> injectors;

	private final boolean trustIncoming;

	private final BaggageHostAllowList baggageHosts;

	private final Collection<String> fields;

	private AgentTextMapPropagator(List<TextMapPropagator> injectors, boolean trustIncoming,
			BaggageHostAllowList baggageHosts) {
		this.injectors = injectors;
		this.trustIncoming = trustIncoming;
		this.baggageHosts = baggageHosts;
		Set<String> allFields = new LinkedHashSet<>();
		TRACE_EXTRACTORS.forEach((propagator) -> allFields.addAll(propagator.fields()));
		allFields.addAll(W3CBaggagePropagator.getInstance().fields());
		injectors.forEach((propagator) -> allFields.addAll(propagator.fields()));
		this.fields = List.copyOf(allFields);
	}

	/**
	 * Create a propagator.
	 * @param formats formats written on the way out: {@code tracecontext},
	 * {@code baggage}, {@code b3}, {@code b3multi}, {@code jaeger}, or {@code none}
	 * @param trustIncoming whether an incoming context becomes the parent (otherwise a
	 * link)
	 * @param baggageHosts the hosts that may receive baggage
	 * @return the propagator
	 * @throws IllegalArgumentException for an unknown format
	 */
	public static AgentTextMapPropagator create(List<String> formats, boolean trustIncoming,
			BaggageHostAllowList baggageHosts) {
		List<TextMapPropagator> injectors = new ArrayList<>();
		for (String format : formats) {
			switch (format.trim().toLowerCase(Locale.ROOT)) {
				case "tracecontext" -> injectors.add(W3CTraceContextPropagator.getInstance());
				case "baggage" -> injectors.add(W3CBaggagePropagator.getInstance());
				case "b3" -> injectors.add(B3Propagator.injectingSingleHeader());
				case "b3multi" -> injectors.add(B3Propagator.injectingMultiHeaders());
				case "jaeger" -> injectors.add(JaegerPropagator.getInstance());
				case "none" -> {
				}
				default -> throw new IllegalArgumentException("Unknown propagator '" + format
						+ "': expected tracecontext, baggage, b3, b3multi, jaeger or none");
			}
		}
		return new AgentTextMapPropagator(List.copyOf(injectors), trustIncoming, baggageHosts);
	}

	@Override
	public Collection<String> fields() {
		return this.fields;
	}

	@Override
	public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
		Context outgoing = baggageAllowed(carrier) ? context : context.with(Baggage.empty());
		for (TextMapPropagator injector : this.injectors) {
			injector.inject(outgoing, carrier, setter);
		}
	}

	private boolean baggageAllowed(@Nullable Object carrier) {
		return SPRING_WEB_PRESENT && this.baggageHosts.allows(HttpRequestHosts.host(carrier));
	}

	@Override
	public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
		if (!this.trustIncoming) {
			UntrustedParentLinkSpanProcessor.offer(incomingSpanContext(carrier, getter));
			return context;
		}
		BoundedBaggageGetter<C> boundedGetter = new BoundedBaggageGetter<>(getter);
		Context extracted = extractTraceContext(
				safelyExtract(W3CBaggagePropagator.getInstance(), context, carrier, boundedGetter), carrier,
				boundedGetter);
		Baggage baggage = Baggage.fromContext(extracted);
		return baggage.isEmpty() ? extracted : extracted.with(bounded(baggage));
	}

	/**
	 * The span context a request carries in any accepted format, whether or not it is
	 * trusted.
	 * @param <C> the carrier type
	 * @param carrier the request
	 * @param getter reads its headers
	 * @return the incoming span context, invalid when there is none
	 */
	public static <C> SpanContext incomingSpanContext(@Nullable C carrier, TextMapGetter<C> getter) {
		return Span.fromContext(extractTraceContext(Context.root(), carrier, getter)).getSpanContext();
	}

	private static <C> Context extractTraceContext(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
		Context extracted = context;
		// In order, so that W3C wins when a request carries several formats.
		for (TextMapPropagator extractor : TRACE_EXTRACTORS) {
			extracted = safelyExtract(extractor, extracted, carrier, getter);
		}
		return extracted;
	}

	/**
	 * A malformed header is the caller's mistake, never a reason to fail the request: the
	 * parsers of some formats throw on bad escapes (Jaeger's percent-decoding does), and
	 * such a format is then treated as absent.
	 */
	private static <C> Context safelyExtract(TextMapPropagator propagator, Context context, @Nullable C carrier,
			TextMapGetter<C> getter) {
		try {
			return propagator.extract(context, carrier, getter);
		}
		catch (RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Ignoring a malformed " + propagator.fields() + " header: " + ex.getMessage());
			}
			return context;
		}
	}

	private static Baggage bounded(Baggage baggage) {
		BaggageBuilder builder = Baggage.builder();
		int[] kept = { 0 };
		baggage.forEach((key, entry) -> {
			if (kept[0] < MAX_BAGGAGE_ENTRIES && !CorrelationKeys.RUN_ID.equalsIgnoreCase(key)
					&& !CorrelationKeys.USER_ID.equalsIgnoreCase(key)) {
				builder.put(key, entry.getValue(), entry.getMetadata());
				kept[0]++;
			}
		});
		return builder.build();
	}

	@Override
	public String toString() {
		return "AgentTextMapPropagator{injectors=" + this.injectors + ", trustIncoming=" + this.trustIncoming + "}";
	}

	/**
	 * Kept apart so that Spring Web classes load only when Spring Web is present.
	 */
	private static final class HttpRequestHosts {

		static @Nullable String host(@Nullable Object carrier) {
			return (carrier instanceof HttpRequest request) ? request.getURI().getHost() : null;
		}

	}

	/**
	 * Kept apart so that servlet classes load only when the servlet API is present.
	 */
	private static final class ServletHeaders {

		static boolean isServletRequest(@Nullable Object carrier) {
			return carrier instanceof HttpServletRequest;
		}

		static Iterable<String> names(Object carrier) {
			return Collections.list(((HttpServletRequest) carrier).getHeaderNames());
		}

	}

	/**
	 * Drops a {@code baggage} header beyond the W3C size limit, cutting it at the last
	 * whole entry that fits, so the valid part is kept.
	 */
	private static final class BoundedBaggageGetter<C> implements TextMapGetter<C> {

		private final TextMapGetter<C> delegate;

		BoundedBaggageGetter(TextMapGetter<C> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Iterable<String> keys(C carrier) {
			// Micrometer's bridge lists only the propagator's fixed fields; Jaeger's
			// uberctx-* baggage headers are found only by listing the request's headers.
			if (SERVLET_PRESENT && ServletHeaders.isServletRequest(carrier)) {
				return ServletHeaders.names(carrier);
			}
			return this.delegate.keys(carrier);
		}

		@Override
		public @Nullable String get(@Nullable C carrier, String key) {
			String value = this.delegate.get(carrier, key);
			return (value != null && BAGGAGE_HEADER.equalsIgnoreCase(key)) ? bounded(value, MAX_BAGGAGE_BYTES) : value;
		}

		@Override
		public Iterator<String> getAll(@Nullable C carrier, String key) {
			Iterator<String> values = this.delegate.getAll(carrier, key);
			if (!BAGGAGE_HEADER.equalsIgnoreCase(key)) {
				return values;
			}
			List<String> kept = new ArrayList<>();
			int remaining = MAX_BAGGAGE_BYTES;
			while (values.hasNext() && remaining > 0) {
				String value = bounded(values.next(), remaining);
				if (value != null) {
					kept.add(value);
					remaining -= value.length();
				}
			}
			return kept.iterator();
		}

		private static @Nullable String bounded(String value, int limit) {
			if (value.length() <= limit) {
				return value;
			}
			int lastWholeEntry = value.lastIndexOf(',', limit);
			return (lastWholeEntry > 0) ? value.substring(0, lastWholeEntry) : null;
		}

	}

}
