package io.fastagentic.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.AttributeUtil;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.util.Assert;

/**
 * A {@link SpanExporter} that cuts attribute values longer than a maximum before its
 * delegate sees them: those of spans, of their events (an exception's stack trace) and of
 * their links, whoever set them. No request can put a megabyte into a collector or the
 * trace viewer.
 * <p>
 * The SDK can cut values itself, as they are set on a span, but then every value set on
 * every span pays for the check on the request's thread. Here it is paid on the export
 * thread, once per value of the spans that are exported: a value within the limit is only
 * looked at, and only a span with a longer value is copied, cut as the SDK would cut it
 * (strings, the strings of arrays and of structured values, byte arrays).
 *
 * @author FastAgentic
 */
public final class BoundedSpanExporter extends ForwardingSpanExporter {

	private final int maxLength;

	/**
	 * Wrap an exporter.
	 * @param delegate the exporter that sends the spans
	 * @param maxLength the longest value, in characters (bytes for a byte array)
	 */
	public BoundedSpanExporter(SpanExporter delegate, int maxLength) {
		super(delegate);
		Assert.isTrue(maxLength > 0, () -> "The longest attribute value must be positive, not " + maxLength);
		this.maxLength = maxLength;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		return this.delegate.export(bound(spans));
	}

	private Collection<SpanData> bound(Collection<SpanData> spans) {
		LengthCheck check = new LengthCheck(this.maxLength);
		List<SpanData> bounded = null;
		int index = 0;
		for (SpanData span : spans) {
			SpanData boundedSpan = bound(span, check);
			if (boundedSpan != span && bounded == null) {
				bounded = new ArrayList<>(spans);
			}
			if (bounded != null) {
				bounded.set(index, boundedSpan);
			}
			index++;
		}
		return (bounded != null) ? bounded : spans;
	}

	private SpanData bound(SpanData span, LengthCheck check) {
		Attributes attributes = bound(span.getAttributes(), check);
		List<EventData> events = boundEvents(span.getEvents(), check);
		List<LinkData> links = boundLinks(span.getLinks(), check);
		if (attributes == span.getAttributes() && events == span.getEvents() && links == span.getLinks()) {
			return span;
		}
		return new BoundedSpanData(span, attributes, events, links);
	}

	private List<EventData> boundEvents(List<EventData> events, LengthCheck check) {
		List<EventData> bounded = null;
		for (int i = 0; i < events.size(); i++) {
			EventData event = events.get(i);
			Attributes attributes = bound(event.getAttributes(), check);
			if (attributes != event.getAttributes()) {
				if (bounded == null) {
					bounded = new ArrayList<>(events);
				}
				bounded.set(i,
						(event instanceof ExceptionEventData exception)
								? ExceptionEventData.create(event.getEpochNanos(), exception.getException(), attributes,
										event.getTotalAttributeCount())
								: EventData.create(event.getEpochNanos(), event.getName(), attributes,
										event.getTotalAttributeCount()));
			}
		}
		return (bounded != null) ? bounded : events;
	}

	private List<LinkData> boundLinks(List<LinkData> links, LengthCheck check) {
		List<LinkData> bounded = null;
		for (int i = 0; i < links.size(); i++) {
			LinkData link = links.get(i);
			Attributes attributes = bound(link.getAttributes(), check);
			if (attributes != link.getAttributes()) {
				if (bounded == null) {
					bounded = new ArrayList<>(links);
				}
				bounded.set(i, LinkData.create(link.getSpanContext(), attributes, link.getTotalAttributeCount()));
			}
		}
		return (bounded != null) ? bounded : links;
	}

	/**
	 * The attributes as they are when no value can be too long, else cut by the SDK's own
	 * rule (its internal {@link AttributeUtil}, the code that applies its span limits),
	 * which keeps them when they are within the limit after all.
	 */
	private Attributes bound(Attributes attributes, LengthCheck check) {
		if (attributes.isEmpty() || !check.mayExceed(attributes)) {
			return attributes;
		}
		return AttributeUtil.applyAttributesLimit(attributes, attributes.size(), this.maxLength);
	}

	/**
	 * Looks at each value of a set of attributes by the type of its key, so that a string
	 * costs a length check: whether a string, or a string of an array, is longer than the
	 * maximum; a structured value may be, and is left to the SDK's rule. One per export
	 * call, reused for every set of attributes.
	 */
	private static final class LengthCheck implements BiConsumer<AttributeKey<?>, Object> {

		private final int maxLength;

		private boolean mayExceed;

		LengthCheck(int maxLength) {
			this.maxLength = maxLength;
		}

		boolean mayExceed(Attributes attributes) {
			this.mayExceed = false;
			attributes.forEach(this);
			return this.mayExceed;
		}

		@Override
		public void accept(AttributeKey<?> key, Object value) {
			switch (key.getType()) {
				case STRING -> this.mayExceed |= ((String) value).length() > this.maxLength;
				case STRING_ARRAY -> {
					for (Object text : (List<?>) value) {
						this.mayExceed |= ((String) text).length() > this.maxLength;
					}
				}
				case VALUE -> this.mayExceed = true;
				default -> {
				}
			}
		}

	}

	/**
	 * A span with its attributes, events and links cut.
	 */
	private static final class BoundedSpanData extends DelegatingSpanData {

		private final Attributes attributes;

		private final List<EventData> events;

		private final List<LinkData> links;

		BoundedSpanData(SpanData delegate, Attributes attributes, List<EventData> events, List<LinkData> links) {
			super(delegate);
			this.attributes = attributes;
			this.events = events;
			this.links = links;
		}

		@Override
		public Attributes getAttributes() {
			return this.attributes;
		}

		@Override
		public List<EventData> getEvents() {
			return this.events;
		}

		@Override
		public List<LinkData> getLinks() {
			return this.links;
		}

	}

}
