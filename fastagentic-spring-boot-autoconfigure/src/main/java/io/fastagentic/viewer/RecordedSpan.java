package io.fastagentic.viewer;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;

/**
 * One span of a recent trace, as shown by the viewer.
 *
 * @param spanId the span id (16 hex digits)
 * @param parentSpanId the parent's span id, or {@code null} (left out of the JSON) for a
 * root span
 * @param name the span name
 * @param kind {@code SERVER}, {@code CLIENT}, {@code INTERNAL}, {@code PRODUCER} or
 * {@code CONSUMER}
 * @param start when the span started
 * @param startEpochNanos the same, in nanoseconds since the epoch
 * @param endEpochNanos when it ended, in nanoseconds since the epoch
 * @param durationNanos how long it lasted, in nanoseconds
 * @param status {@code UNSET}, {@code OK} or {@code ERROR}
 * @param statusDescription the description of an error status, if any
 * @param attributes its attributes, by key
 * @param events its events (exceptions, say), oldest first
 * @param links the spans it links to (the messages a consumer span processes, say)
 * @author FastAgentic
 */
public record RecordedSpan(String spanId, @Nullable String parentSpanId, String name, String kind, Instant start,
		long startEpochNanos, long endEpochNanos, long durationNanos, String status, @Nullable String statusDescription,
		Map<String, Object> attributes, List<Event> events, List<Link> links) {

	/**
	 * The view of a finished span.
	 * @param span the span
	 * @return its view
	 */
	public static RecordedSpan of(SpanData span) {
		String description = span.getStatus().getDescription();
		return new RecordedSpan(span.getSpanId(), span.getParentSpanContext().isValid() ? span.getParentSpanId() : null,
				span.getName(), span.getKind().name(), instant(span.getStartEpochNanos()), span.getStartEpochNanos(),
				span.getEndEpochNanos(), span.getEndEpochNanos() - span.getStartEpochNanos(),
				span.getStatus().getStatusCode().name(), (description.isEmpty()) ? null : description,
				attributes(span.getAttributes()), span.getEvents().stream().map(Event::of).toList(),
				span.getLinks().stream().map(Link::of).toList());
	}

	static Instant instant(long epochNanos) {
		return Instant.ofEpochSecond(0, epochNanos);
	}

	static Map<String, Object> attributes(Attributes attributes) {
		Map<String, Object> map = new TreeMap<>();
		attributes.forEach((key, value) -> map.put(key.getKey(), value));
		return Collections.unmodifiableMap(map);
	}

	/**
	 * An event of a span.
	 *
	 * @param name the event name ({@code exception}, say)
	 * @param time when it happened
	 * @param epochNanos the same, in nanoseconds since the epoch
	 * @param attributes its attributes, by key
	 */
	public record Event(String name, Instant time, long epochNanos, Map<String, Object> attributes) {

		static Event of(EventData event) {
			return new Event(event.getName(), instant(event.getEpochNanos()), event.getEpochNanos(),
					RecordedSpan.attributes(event.getAttributes()));
		}

	}

	/**
	 * A link of a span to another span, of this trace or another.
	 *
	 * @param traceId the linked span's trace id
	 * @param spanId the linked span's id
	 * @param attributes the link's attributes, by key
	 */
	public record Link(String traceId, String spanId, Map<String, Object> attributes) {

		static Link of(LinkData link) {
			return new Link(link.getSpanContext().getTraceId(), link.getSpanContext().getSpanId(),
					RecordedSpan.attributes(link.getAttributes()));
		}

	}

}
