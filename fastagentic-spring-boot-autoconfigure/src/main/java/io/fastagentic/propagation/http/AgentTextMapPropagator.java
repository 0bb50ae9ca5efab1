package io.fastagentic.propagation.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.fastagentic.correlation.AgentCorrelation;
import io.fastagentic.correlation.CorrelationKeys;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentelemetry.extension.trace.propagation.JaegerPropagator;
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
 * only to allowed hosts. The parsers come from OpenTelemetry's propagator libraries;
 * where the specifications say otherwise, they are wrapped:
 * <ul>
 * <li>every value of a header is read, and a trace header repeated with different values
 * is ignored, so such a request starts a new trace ({@link IncomingHeaders});</li>
 * <li>{@code tracestate} headers are combined and read as the current W3C text says
 * ({@link W3cTraceState});</li>
 * <li>B3's "accept" and "deny" without ids, "defer" and "debug" reach the sampler and the
 * outgoing headers ({@link B3Headers}, {@link B3AwareSampler}).</li>
 * </ul>
 * W3C wins when a request carries several formats, then B3, then Jaeger.
 * <p>
 * Incoming baggage is bounded by the W3C limits (8192 bytes, 180 entries: the valid part
 * is kept), and never sets {@code run_id} or {@code user_id}, which only this service
 * assigns. At an untrusted edge the incoming context starts nothing: each request gets a
 * new trace (which {@link UntrustedParentLinkSpanProcessor} links to the incoming one),
 * and incoming baggage is dropped.
 * <p>
 * Spring Boot's baggage remote fields ({@code management.tracing.baggage.remote-fields})
 * are read and written by the propagator given to
 * {@link #create(List, boolean, BaggageHostAllowList, TextMapPropagator)}: a field the
 * application names there goes out as its own header to every host, as in plain Spring
 * Boot.
 *
 * @author FastAgentic
 */
public final class AgentTextMapPropagator implements TextMapPropagator {

	private static final Log logger = LogFactory.getLog(AgentTextMapPropagator.class);

	static final int MAX_BAGGAGE_BYTES = 8192;

	static final int MAX_BAGGAGE_ENTRIES = 180;

	private static final boolean SPRING_WEB_PRESENT = ClassUtils.isPresent("org.springframework.http.HttpRequest",
			AgentTextMapPropagator.class.getClassLoader());

	private static final List<TextMapPropagator> ACCEPTED_TRACE_FORMATS = List.of(JaegerPropagator.getInstance(),
			B3Propagator.injectingSingleHeader(), W3CTraceContextPropagator.getInstance());

	private final List<TextMapPropagator> injectors;

	private final boolean trustIncoming;

	private final BaggageHostAllowList baggageHosts;

	private final @Nullable TextMapPropagator remoteFields;

	private final Collection<String> fields;

	private AgentTextMapPropagator(List<TextMapPropagator> injectors, boolean trustIncoming,
			BaggageHostAllowList baggageHosts, @Nullable TextMapPropagator remoteFields) {
		this.injectors = injectors;
		this.trustIncoming = trustIncoming;
		this.baggageHosts = baggageHosts;
		this.remoteFields = remoteFields;
		Set<String> allFields = new LinkedHashSet<>();
		ACCEPTED_TRACE_FORMATS.forEach((propagator) -> allFields.addAll(propagator.fields()));
		allFields.addAll(W3CBaggagePropagator.getInstance().fields());
		injectors.forEach((propagator) -> allFields.addAll(propagator.fields()));
		if (remoteFields != null) {
			allFields.addAll(remoteFields.fields());
		}
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
		return create(formats, trustIncoming, baggageHosts, null);
	}

	/**
	 * Create a propagator that also carries baggage fields as headers of their own.
	 * @param formats formats written on the way out: {@code tracecontext},
	 * {@code baggage}, {@code b3}, {@code b3multi}, {@code jaeger}, or {@code none}
	 * @param trustIncoming whether an incoming context becomes the parent (otherwise a
	 * link)
	 * @param baggageHosts the hosts that may receive the W3C {@code baggage} header
	 * @param remoteFields reads and writes the baggage fields that travel as headers of
	 * their own, such as Micrometer's {@code BaggageTextMapPropagator} for Spring Boot's
	 * {@code management.tracing.baggage.remote-fields}, or {@code null} for none
	 * @return the propagator
	 * @throws IllegalArgumentException for an unknown format
	 */
	public static AgentTextMapPropagator create(List<String> formats, boolean trustIncoming,
			BaggageHostAllowList baggageHosts, @Nullable TextMapPropagator remoteFields) {
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
		return new AgentTextMapPropagator(List.copyOf(injectors), trustIncoming, baggageHosts, remoteFields);
	}

	@Override
	public Collection<String> fields() {
		return this.fields;
	}

	@Override
	public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
		Context outgoing = baggageAllowed(carrier) ? AgentCorrelation.withBaggage(context)
				: context.with(Baggage.empty());
		TextMapSetter<C> headers = setter;
		SpanContext spanContext = Span.fromContext(outgoing).getSpanContext();
		if (B3Headers.isDebug(spanContext)) {
			outgoing = outgoing.with(Span.wrap(B3Headers.withoutDebugMark(spanContext)));
			headers = B3Headers.debugSetter(setter);
		}
		for (TextMapPropagator injector : this.injectors) {
			injector.inject(outgoing, carrier, headers);
		}
		if (this.remoteFields != null) {
			this.remoteFields.inject(context, carrier, setter);
		}
	}

	private boolean baggageAllowed(@Nullable Object carrier) {
		return SPRING_WEB_PRESENT && this.baggageHosts.allows(HttpRequestHosts.host(carrier));
	}

	@Override
	public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
		IncomingHeaders<C> headers = new IncomingHeaders<>(getter);
		if (!this.trustIncoming) {
			SpanContext incoming = Span.fromContext(extractTraceContext(Context.root(), carrier, headers))
				.getSpanContext();
			return incoming.isValid() ? context.with(new UntrustedParent(incoming)) : context;
		}
		Context extracted = extractTraceContext(
				safelyExtract(W3CBaggagePropagator.getInstance(), context, carrier, headers), carrier, headers);
		if (this.remoteFields != null) {
			extracted = safelyExtract(this.remoteFields, extracted, carrier, headers);
		}
		Baggage baggage = Baggage.fromContext(extracted);
		return baggage.isEmpty() ? extracted : extracted.with(bounded(baggage));
	}

	private static <C> Context extractTraceContext(Context context, @Nullable C carrier, IncomingHeaders<C> headers) {
		// Jaeger's parser also reads the uberctx-* baggage, which is kept whichever
		// format names the parent.
		Context extracted = safelyExtract(JaegerPropagator.getInstance(), context, carrier, headers);
		SpanContext w3c = w3cParent(carrier, headers);
		if (w3c.isValid()) {
			return extracted.with(Span.wrap(w3c));
		}
		Span b3 = B3Headers.parent(carrier, headers);
		if (b3 == null) {
			return extracted;
		}
		// A B3 sampling decision without ids only decides a new trace: it never replaces
		// a parent that Jaeger names.
		boolean jaegerParent = Span.fromContext(extracted).getSpanContext().isValid();
		return (b3.getSpanContext().isValid() || !jaegerParent) ? extracted.with(b3) : extracted;
	}

	/**
	 * OpenTelemetry's parser reads the {@code traceparent}; the {@code tracestate}, which
	 * it reads only from the first header, comes from every header.
	 */
	private static <C> SpanContext w3cParent(@Nullable C carrier, IncomingHeaders<C> headers) {
		SpanContext parent = Span
			.fromContext(safelyExtract(W3CTraceContextPropagator.getInstance(), Context.root(), carrier, headers))
			.getSpanContext();
		if (!parent.isValid()) {
			// "If the vendor failed to parse traceparent, it MUST NOT attempt to parse
			// tracestate."
			return parent;
		}
		TraceState traceState = W3cTraceState.parse(headers.getAll(carrier, IncomingHeaders.TRACESTATE));
		if (traceState.get(B3Headers.DEBUG_KEY) != null) {
			// FastAgentic's own entry is set in this process only, never by a caller.
			traceState = traceState.toBuilder().remove(B3Headers.DEBUG_KEY).build();
		}
		return SpanContext.createFromRemoteParent(parent.getTraceId(), parent.getSpanId(), parent.getTraceFlags(),
				traceState);
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

}
