package io.fastagentic.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import jdk.net.ExtendedSocketOptions;

/**
 * A local OTLP/HTTP sink on 127.0.0.1: a minimal HTTP/1.1 server (keep-alive,
 * {@code Content-Length} or chunked bodies) that decodes every
 * {@code ExportTraceServiceRequest} with the OpenTelemetry protobuf classes, counts its
 * spans (in all and by name) and answers success; {@code /v1/metrics} is accepted and
 * ignored. Its threads are named {@value #THREAD_PREFIX}...
 * <p>
 * With {@code quickAck}, the sink acknowledges received data at once
 * ({@code TCP_QUICKACK} before every read), as a collector across a network effectively
 * does. Without it, Linux delays acknowledgements by up to 40 ms; on loopback, whose
 * segments are 64 KB, that meets the OTLP exporter's HTTP client (OkHttp, which leaves
 * Nagle's algorithm on) holding back the last partial segment of every export request:
 * each export then waits about 40 ms.
 */
final class OtlpSink implements AutoCloseable {

	private static final String THREAD_PREFIX = "otlp-sink-";

	private static final byte[] OK = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\n"
			+ "Content-Length: 0\r\n\r\n")
		.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] BAD_REQUEST = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
		.getBytes(StandardCharsets.US_ASCII);

	private final ServerSocketChannel server;

	private final ExecutorService threads;

	private final boolean quickAck;

	private final LongAdder spans = new LongAdder();

	private final LongAdder requests = new LongAdder();

	private final Map<String, LongAdder> spansByName = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private OtlpSink(ServerSocketChannel server, ExecutorService threads, boolean quickAck) {
		this.server = server;
		this.threads = threads;
		this.quickAck = quickAck;
	}

	static OtlpSink start(boolean quickAck) throws IOException {
		ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
		AtomicInteger count = new AtomicInteger();
		ExecutorService threads = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, THREAD_PREFIX + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		OtlpSink sink = new OtlpSink(server, threads, quickAck);
		threads.execute(sink::accept);
		return sink;
	}

	/**
	 * The collector base URL, as {@code FASTAGENTIC_OTEL_ENDPOINT} takes it.
	 * @return the URL
	 */
	String endpoint() {
		try {
			return "http://127.0.0.1:" + ((InetSocketAddress) this.server.getLocalAddress()).getPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long spans() {
		return this.spans.sum();
	}

	/**
	 * Spans received so far, by name.
	 * @return a snapshot, sorted by name
	 */
	Map<String, Long> spansByName() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.spansByName.forEach((name, count) -> snapshot.put(name, count.sum()));
		return snapshot;
	}

	long requests() {
		return this.requests.sum();
	}

	/**
	 * Wait until no span has arrived for a while: for an exporter that cannot be asked to
	 * flush (the Java agent's), whose batches arrive at most its schedule delay apart.
	 * @param quiet how long nothing must arrive
	 * @param limit how long to wait at most
	 * @return spans received so far
	 * @throws InterruptedException if interrupted
	 * @throws IllegalStateException if spans still arrive after {@code limit}
	 */
	long awaitQuiet(Duration quiet, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		long last = spans();
		long lastChange = System.nanoTime();
		while (System.nanoTime() - lastChange < quiet.toNanos()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Spans still arrive at the sink after " + limit);
			}
			Thread.sleep(100);
			long now = spans();
			if (now != last) {
				last = now;
				lastChange = System.nanoTime();
			}
		}
		return last;
	}

	private void accept() {
		while (!this.closed) {
			try {
				SocketChannel channel = this.server.accept();
				channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
				this.threads.execute(() -> serve(channel));
			}
			catch (IOException ex) {
				if (!this.closed) {
					ex.printStackTrace();
				}
				return;
			}
		}
	}

	private void serve(SocketChannel channel) {
		try (channel) {
			Reader reader = new Reader(channel);
			while (!this.closed) {
				String requestLine = reader.line();
				if (requestLine == null) {
					return;
				}
				long contentLength = -1;
				boolean chunked = false;
				boolean close = false;
				String header;
				while (!(header = reader.requiredLine()).isEmpty()) {
					int colon = header.indexOf(':');
					String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
					String value = header.substring(colon + 1).trim();
					switch (name) {
						case "content-length" -> contentLength = Long.parseLong(value);
						case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
						case "connection" -> close = value.equalsIgnoreCase("close");
						default -> {
						}
					}
				}
				byte[] body = chunked ? reader.chunked() : reader.bytes((int) Math.max(contentLength, 0));
				String[] parts = requestLine.split(" ");
				if (parts.length < 2 || !"POST".equals(parts[0])) {
					write(channel, BAD_REQUEST);
					return;
				}
				if (parts[1].startsWith("/v1/traces")) {
					count(body);
				}
				write(channel, OK);
				if (close) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The exporter closed its connection, or sent something this sink does not
			// understand: the exporter will see the failure and count it.
		}
	}

	private void count(byte[] body) throws IOException {
		ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
		long count = 0;
		for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
			for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
				count += scopeSpans.getSpansCount();
				for (io.opentelemetry.proto.trace.v1.Span span : scopeSpans.getSpansList()) {
					this.spansByName.computeIfAbsent(span.getName(), (name) -> new LongAdder()).increment();
				}
			}
		}
		this.spans.add(count);
		this.requests.increment();
	}

	private static void write(SocketChannel channel, byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.threads.shutdownNow();
	}

	/**
	 * Reads lines and bodies from a blocking channel through one buffer.
	 */
	private final class Reader {

		private final SocketChannel channel;

		private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();

		Reader(SocketChannel channel) {
			this.channel = channel;
		}

		private boolean fill() throws IOException {
			this.buffer.compact();
			try {
				if (OtlpSink.this.quickAck) {
					this.channel.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
				}
				return this.channel.read(this.buffer) >= 0;
			}
			finally {
				this.buffer.flip();
			}
		}

		String line() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			while (true) {
				while (this.buffer.hasRemaining()) {
					byte next = this.buffer.get();
					if (next == '\n') {
						String text = line.toString(StandardCharsets.US_ASCII);
						return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
					}
					line.write(next);
				}
				if (!fill()) {
					return (line.size() == 0) ? null : line.toString(StandardCharsets.US_ASCII);
				}
			}
		}

		String requiredLine() throws IOException {
			String line = line();
			if (line == null) {
				throw new EOFException();
			}
			return line;
		}

		byte[] bytes(int length) throws IOException {
			byte[] bytes = new byte[length];
			int read = 0;
			while (read < length) {
				if (!this.buffer.hasRemaining() && !fill()) {
					throw new EOFException();
				}
				int chunk = Math.min(this.buffer.remaining(), length - read);
				this.buffer.get(bytes, read, chunk);
				read += chunk;
			}
			return bytes;
		}

		byte[] chunked() throws IOException {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				String size = requiredLine();
				int semicolon = size.indexOf(';');
				int length = Integer.parseInt((semicolon >= 0) ? size.substring(0, semicolon).trim() : size.trim(), 16);
				if (length == 0) {
					while (!requiredLine().isEmpty()) {
						// Trailers, ignored.
					}
					return body.toByteArray();
				}
				body.write(bytes(length));
				requiredLine();
			}
		}

	}

}
