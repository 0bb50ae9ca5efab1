package io.fastagentic.propagation.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * A request's headers as OpenTelemetry's parsers should see them. The parsers read the
 * first value of a header only, so:
 * <ul>
 * <li>every value of a header is read: through {@link HttpServletRequest#getHeaders} for
 * a servlet request (whatever getter Spring or Micrometer hands over), through
 * {@link TextMapGetter#getAll} for any other carrier;</li>
 * <li>a trace header sent several times with different values is absent, so that the
 * request starts a new trace instead of continuing whichever came first (identical
 * repeats count once);</li>
 * <li>{@code tracestate} is absent for {@link #get}: all its headers are combined by
 * {@link W3cTraceState} from {@link #getAll};</li>
 * <li>{@code baggage} is cut at the W3C size limit, at the last whole entry that
 * fits.</li>
 * </ul>
 *
 * @param <C> the carrier type
 * @author FastAgentic
 */
final class IncomingHeaders<C> implements TextMapGetter<C> {

	static final String TRACESTATE = "tracestate";

	private static final String BAGGAGE = "baggage";

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			IncomingHeaders.class.getClassLoader());

	private static final Set<String> SINGLE_VALUED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

	static {
		Collections.addAll(SINGLE_VALUED, "traceparent", "b3", "X-B3-TraceId", "X-B3-SpanId", "X-B3-Sampled",
				"X-B3-Flags", "uber-trace-id");
	}

	private final TextMapGetter<C> delegate;

	IncomingHeaders(TextMapGetter<C> delegate) {
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
		if (TRACESTATE.equalsIgnoreCase(key)) {
			return null;
		}
		if (SINGLE_VALUED.contains(key)) {
			return unambiguous(getAll(carrier, key));
		}
		String value = this.delegate.get(carrier, key);
		return (value != null && BAGGAGE.equalsIgnoreCase(key))
				? bounded(value, AgentTextMapPropagator.MAX_BAGGAGE_BYTES) : value;
	}

	@Override
	public Iterator<String> getAll(@Nullable C carrier, String key) {
		Iterator<String> values = (SERVLET_PRESENT && ServletHeaders.isServletRequest(carrier))
				? ServletHeaders.values(carrier, key) : this.delegate.getAll(carrier, key);
		return BAGGAGE.equalsIgnoreCase(key) ? boundedBaggage(values) : values;
	}

	/**
	 * Whether the header was sent at all, whatever its values.
	 */
	boolean isPresent(@Nullable C carrier, String key) {
		return getAll(carrier, key).hasNext();
	}

	private static @Nullable String unambiguous(Iterator<String> values) {
		if (!values.hasNext()) {
			return null;
		}
		String first = values.next();
		while (values.hasNext()) {
			if (!first.equals(values.next())) {
				return null;
			}
		}
		return first;
	}

	private static Iterator<String> boundedBaggage(Iterator<String> values) {
		List<String> kept = new ArrayList<>();
		int remaining = AgentTextMapPropagator.MAX_BAGGAGE_BYTES;
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

		static Iterator<String> values(@Nullable Object carrier, String name) {
			// Null when the container does not allow access to the headers.
			Enumeration<String> values = ((HttpServletRequest) carrier).getHeaders(name);
			return (values != null) ? values.asIterator() : Collections.emptyIterator();
		}

	}

}
