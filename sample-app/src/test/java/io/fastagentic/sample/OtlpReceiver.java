package io.fastagentic.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import static org.awaitility.Awaitility.await;

/**
 * A test OTLP/HTTP trace receiver on loopback: decodes what an exporter sends with the
 * OpenTelemetry protobuf classes and keeps it, with the request headers, for assertions.
 */
final class OtlpReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private OtlpReceiver(HttpServer server) {
		this.server = server;
	}

	static OtlpReceiver start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		OtlpReceiver receiver = new OtlpReceiver(server);
		server.createContext("/v1/traces", receiver::handle);
		server.start();
		return receiver;
	}

	/**
	 * The collector base URL, as a user would set {@code FASTAGENTIC_OTEL_ENDPOINT}.
	 */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * Every span received, with the resource it came with.
	 */
	List<ReceivedSpan> spans() {
		return this.received.stream()
			.flatMap((request) -> request.body().getResourceSpansList().stream())
			.flatMap((resourceSpans) -> resourceSpans.getScopeSpansList()
				.stream()
				.map(ScopeSpans::getSpansList)
				.flatMap(List::stream)
				.map((span) -> new ReceivedSpan(resourceSpans, span)))
			.toList();
	}

	ReceivedSpan awaitSpan(Predicate<ReceivedSpan> predicate) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> spans().stream().filter(predicate).findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			Map<String, String> headers = new java.util.LinkedHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			this.received.add(new Received(exchange.getRequestMethod(), headers, request));
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, (response.length > 0) ? response.length : -1);
			if (response.length > 0) {
				exchange.getResponseBody().write(response);
			}
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String method, Map<String, String> headers, ExportTraceServiceRequest body) {
	}

	record ReceivedSpan(ResourceSpans resource, Span span) {

		String resourceAttribute(String key) {
			return stringValue(this.resource.getResource().getAttributesList(), key);
		}

		String attribute(String key) {
			return stringValue(this.span.getAttributesList(), key);
		}

		/**
		 * A value as text, whatever its OTLP type.
		 */
		private static String text(AnyValue value) {
			return switch (value.getValueCase()) {
				case INT_VALUE -> Long.toString(value.getIntValue());
				case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
				case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
				default -> value.getStringValue();
			};
		}

		private static String stringValue(List<KeyValue> attributes, String key) {
			return attributes.stream()
				.filter((attribute) -> attribute.getKey().equals(key))
				.map(KeyValue::getValue)
				.map(ReceivedSpan::text)
				.findFirst()
				.orElse(null);
		}

	}

}
