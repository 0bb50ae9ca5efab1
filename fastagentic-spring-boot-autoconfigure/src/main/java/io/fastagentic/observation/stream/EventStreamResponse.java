package io.fastagentic.observation.stream;

import java.io.IOException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * The response of an agent request, watched for server-sent events: once the run
 * {@linkplain #attach(AgentStream) attaches} its stream, every event written as
 * {@code text/event-stream} is counted on it as {@code stream.emit {type}}, whichever
 * code writes it. Other responses pass through untouched, checked once at their first
 * write.
 *
 * @author FastAgentic
 */
public final class EventStreamResponse extends HttpServletResponseWrapper {

	private static final String ATTRIBUTE = EventStreamResponse.class.getName();

	private volatile @Nullable AgentStream stream;

	private @Nullable ServletOutputStream outputStream;

	private EventStreamResponse(HttpServletResponse response) {
		super(response);
	}

	/**
	 * Watch the response of an agent request, findable from the request by
	 * {@link #of(ServletRequest)}.
	 * @param request the request
	 * @param response its response
	 * @return the response to pass on
	 */
	public static HttpServletResponse watch(ServletRequest request, HttpServletResponse response) {
		EventStreamResponse watched = new EventStreamResponse(response);
		request.setAttribute(ATTRIBUTE, watched);
		return watched;
	}

	/**
	 * The watched response of a request.
	 * @param request the request
	 * @return its watched response, or {@code null} when it is not an agent request
	 */
	public static @Nullable EventStreamResponse of(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof EventStreamResponse response) ? response : null;
	}

	/**
	 * Count the events of this response on a stream.
	 * @param stream the run's stream
	 */
	public void attach(AgentStream stream) {
		this.stream = stream;
	}

	@Override
	public synchronized ServletOutputStream getOutputStream() throws IOException {
		ServletOutputStream output = this.outputStream;
		if (output == null) {
			output = new ScanningOutputStream(super.getOutputStream());
			this.outputStream = output;
		}
		return output;
	}

	private boolean isEventStream() {
		String contentType = getContentType();
		return contentType != null && contentType.regionMatches(true, 0, MediaType.TEXT_EVENT_STREAM_VALUE, 0,
				MediaType.TEXT_EVENT_STREAM_VALUE.length());
	}

	/**
	 * Hands the written bytes to a scanner while the response is an event stream.
	 */
	private final class ScanningOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		private @Nullable ServerSentEventScanner scanner;

		private boolean checked;

		ScanningOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			ServerSentEventScanner current = scanner();
			if (current != null) {
				current.scan(b);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.delegate.write(bytes, offset, length);
			ServerSentEventScanner current = scanner();
			if (current != null) {
				current.scan(bytes, offset, length);
			}
		}

		private @Nullable ServerSentEventScanner scanner() {
			if (!this.checked) {
				this.checked = true;
				if (isEventStream()) {
					this.scanner = new ServerSentEventScanner(this::emitted);
				}
			}
			return this.scanner;
		}

		private void emitted(String type) {
			AgentStream current = EventStreamResponse.this.stream;
			if (current != null) {
				current.observed(type);
			}
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

}
