package io.fastagentic.observation.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Finds the events in the bytes of a {@code text/event-stream} response as they are
 * written, whoever writes them ({@code SseEmitter}, a {@code Flux} of
 * {@code ServerSentEvent}s, a hand-written stream), and reports each event's type the way
 * a browser would dispatch it: an event is a block of lines ended by a blank line that
 * holds at least one {@code data} field; its type is its {@code event} field, else
 * {@code message}. Comment-only blocks (heartbeats) are not events.
 * <p>
 * Reads each byte once and keeps only the current line's field name and the event's type
 * (bounded to {@value #MAX_TYPE_LENGTH} bytes); allocates a type string only when it
 * differs from the previous event's. Not thread-safe: one writer at a time, as a servlet
 * output stream is written.
 *
 * @author FastAgentic
 */
final class ServerSentEventScanner {

	/**
	 * The type of an event without an {@code event} field.
	 */
	static final String DEFAULT_TYPE = "message";

	/**
	 * Longest event type kept; longer ones are cut, so that no attribute is unbounded.
	 */
	static final int MAX_TYPE_LENGTH = 64;

	private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

	private enum Part {

		/** Reading the field name, before any colon. */
		NAME,
		/** Reading the value of an {@code event} field. */
		EVENT_VALUE,
		/** Reading the rest of any other line. */
		SKIP

	}

	private final Consumer<String> events;

	private final byte[] name = new byte[EVENT.length + 1];

	private final byte[] type = new byte[MAX_TYPE_LENGTH];

	private Part part = Part.NAME;

	private int nameLength;

	private int typeLength;

	private boolean lineEmpty = true;

	private boolean afterCarriageReturn;

	private boolean valueStarted;

	private boolean hasData;

	private String lastType = DEFAULT_TYPE;

	private byte[] lastTypeBytes = DEFAULT_TYPE.getBytes(StandardCharsets.US_ASCII);

	/**
	 * Create a scanner.
	 * @param events receives the type of every event, once the event is complete
	 */
	ServerSentEventScanner(Consumer<String> events) {
		this.events = events;
	}

	/**
	 * Scan bytes written to the stream.
	 * @param bytes the buffer
	 * @param offset where the written bytes start
	 * @param length how many were written
	 */
	public void scan(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			scan(bytes[i]);
		}
	}

	/**
	 * Scan one byte written to the stream.
	 * @param value the byte
	 */
	public void scan(int value) {
		byte b = (byte) value;
		if (b == '\n' && this.afterCarriageReturn) {
			// The second half of a CRLF line end.
			this.afterCarriageReturn = false;
			return;
		}
		this.afterCarriageReturn = (b == '\r');
		if (b == '\n' || b == '\r') {
			endLine();
			return;
		}
		this.lineEmpty = false;
		switch (this.part) {
			case NAME -> readName(b);
			case EVENT_VALUE -> readType(b);
			case SKIP -> {
			}
		}
	}

	private void readName(byte b) {
		if (b == ':') {
			endName(true);
		}
		else if (this.nameLength < this.name.length) {
			this.name[this.nameLength++] = b;
		}
		else {
			this.part = Part.SKIP;
		}
	}

	/**
	 * The field name is complete, at its colon or at the end of its line (a field with an
	 * empty value).
	 */
	private void endName(boolean colon) {
		if (isName(EVENT)) {
			this.typeLength = 0;
			this.valueStarted = false;
			this.part = colon ? Part.EVENT_VALUE : Part.SKIP;
		}
		else {
			if (isName(DATA)) {
				this.hasData = true;
			}
			this.part = Part.SKIP;
		}
	}

	private void readType(byte b) {
		if (!this.valueStarted) {
			this.valueStarted = true;
			if (b == ' ') {
				return;
			}
		}
		if (this.typeLength < this.type.length) {
			this.type[this.typeLength++] = b;
		}
	}

	private void endLine() {
		if (this.lineEmpty) {
			dispatch();
		}
		else if (this.part == Part.NAME) {
			endName(false);
		}
		this.part = Part.NAME;
		this.nameLength = 0;
		this.lineEmpty = true;
	}

	private void dispatch() {
		if (this.hasData) {
			this.events.accept(currentType());
		}
		this.hasData = false;
		this.typeLength = 0;
	}

	private String currentType() {
		if (this.typeLength == 0) {
			return DEFAULT_TYPE;
		}
		if (!sameAsLast()) {
			this.lastTypeBytes = Arrays.copyOf(this.type, this.typeLength);
			this.lastType = new String(this.lastTypeBytes, StandardCharsets.UTF_8);
		}
		return this.lastType;
	}

	private boolean sameAsLast() {
		return Arrays.equals(this.type, 0, this.typeLength, this.lastTypeBytes, 0, this.lastTypeBytes.length);
	}

	private boolean isName(byte[] field) {
		return Arrays.equals(this.name, 0, this.nameLength, field, 0, field.length);
	}

}
