package io.fastagentic.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.JsonNode;

/**
 * One span of a trace as a backend gave it back, whatever the backend: ids as lowercase
 * hex (the parent id empty for a root span), attribute values as strings, and the
 * attributes of the span's resource ({@code service.name} among them).
 *
 * @param traceId the trace id, 32 hex digits
 * @param spanId the span id, 16 hex digits
 * @param parentSpanId the parent's span id, empty for a root span
 * @param name the span name
 * @param attributes the span's attributes
 * @param resource the attributes of the span's resource
 */
record CollectedSpan(String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes,
		Map<String, String> resource) {

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * The spans in a file written by the collector's {@code file} exporter with
	 * {@code format: proto}: each OTLP {@code ExportTraceServiceRequest} (the same wire
	 * format as {@code TracesData}) preceded by its length as a 4-byte big-endian
	 * unsigned integer. A record the collector is still writing is left for the next
	 * read.
	 */
	static List<CollectedSpan> fromFileExporter(Path file) throws IOException {
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			return List.of();
		}
		List<CollectedSpan> spans = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.wrap(content);
		while (buffer.remaining() >= Integer.BYTES) {
			long length = Integer.toUnsignedLong(buffer.getInt());
			if (length > buffer.remaining()) {
				break;
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest
				.parseFrom(buffer.slice(buffer.position(), (int) length));
			buffer.position(buffer.position() + (int) length);
			spans.addAll(fromOtlp(request));
		}
		return spans;
	}

	static List<CollectedSpan> fromOtlp(ExportTraceServiceRequest request) {
		List<CollectedSpan> spans = new ArrayList<>();
		for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
			Map<String, String> resource = attributes(resourceSpans.getResource().getAttributesList());
			for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
				for (Span span : scopeSpans.getSpansList()) {
					spans.add(new CollectedSpan(HEX.formatHex(span.getTraceId().toByteArray()),
							HEX.formatHex(span.getSpanId().toByteArray()),
							HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
							attributes(span.getAttributesList()), resource));
				}
			}
		}
		return spans;
	}

	/**
	 * The spans of a Jaeger query API answer ({@code GET /api/traces/{traceId}}): the
	 * process of each span is its resource, with the process's service name as
	 * {@code service.name}; the {@code CHILD_OF} reference is the parent.
	 */
	static List<CollectedSpan> fromJaeger(JsonNode answer) {
		List<CollectedSpan> spans = new ArrayList<>();
		for (JsonNode trace : answer.path("data")) {
			for (JsonNode span : trace.path("spans")) {
				JsonNode process = trace.path("processes").path(span.path("processID").asString());
				Map<String, String> resource = tags(process.path("tags"));
				resource.put("service.name", process.path("serviceName").asString());
				String parent = "";
				for (JsonNode reference : span.path("references")) {
					if ("CHILD_OF".equals(reference.path("refType").asString())) {
						parent = reference.path("spanID").asString();
					}
				}
				spans.add(new CollectedSpan(span.path("traceID").asString(), span.path("spanID").asString(), parent,
						span.path("operationName").asString(), tags(span.path("tags")), resource));
			}
		}
		return spans;
	}

	private static Map<String, String> attributes(List<KeyValue> keyValues) {
		Map<String, String> attributes = new LinkedHashMap<>();
		keyValues.forEach((keyValue) -> attributes.put(keyValue.getKey(), string(keyValue.getValue())));
		return attributes;
	}

	private static String string(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> String.valueOf(value.getBoolValue());
			case INT_VALUE -> String.valueOf(value.getIntValue());
			case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
			default -> value.toString();
		};
	}

	private static Map<String, String> tags(JsonNode tags) {
		Map<String, String> attributes = new LinkedHashMap<>();
		tags.forEach((tag) -> attributes.put(tag.path("key").asString(), tag.path("value").asString()));
		return attributes;
	}

}
