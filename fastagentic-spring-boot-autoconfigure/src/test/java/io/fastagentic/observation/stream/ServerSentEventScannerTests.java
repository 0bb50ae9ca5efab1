package io.fastagentic.observation.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerSentEventScanner}.
 */
class ServerSentEventScannerTests {

	private final List<String> events = new ArrayList<>();

	private final ServerSentEventScanner scanner = new ServerSentEventScanner(this.events::add);

	@Test
	void namedEventsAsSseEmitterWritesThem() {
		write("event:token\ndata:Hel\n\n");
		write("event:token\ndata:lo\n\n");
		write("event:done\ndata:{\"run_id\":\"run-1\"}\n\n");
		assertThat(this.events).containsExactly("token", "token", "done");
	}

	@Test
	void eventWithoutTypeIsAMessage() {
		write("data:plain\n\n");
		write("id:7\ndata\n\n");
		assertThat(this.events).containsExactly("message", "message");
	}

	@Test
	void spaceAfterColonIsNotPartOfTheType() {
		write("event: token\ndata: x\n\n");
		assertThat(this.events).containsExactly("token");
	}

	@Test
	void commentsAndBlocksWithoutDataAreNotEvents() {
		write(":heartbeat\n\n");
		write("event:ping\n\n");
		write("retry:1000\n\n");
		assertThat(this.events).isEmpty();
	}

	@Test
	void eventSplitAcrossWritesAndByteByByte() {
		write("eve");
		write("nt:tok");
		write("en\ndata:a\n");
		assertThat(this.events).isEmpty();
		write("\n");
		for (byte b : "event:done\r\ndata:b\r\n\r\n".getBytes(StandardCharsets.UTF_8)) {
			this.scanner.scan(b);
		}
		assertThat(this.events).containsExactly("token", "done");
	}

	@Test
	void carriageReturnAloneEndsLines() {
		write("event:token\rdata:a\r\r");
		assertThat(this.events).containsExactly("token");
	}

	@Test
	void typeOfOneEventDoesNotLeakIntoTheNext() {
		write("event:token\ndata:a\n\ndata:b\n\n");
		assertThat(this.events).containsExactly("token", "message");
	}

	@Test
	void longTypeIsCut() {
		write("event:" + "x".repeat(500) + "\ndata:a\n\n");
		assertThat(this.events).singleElement().isEqualTo("x".repeat(ServerSentEventScanner.MAX_TYPE_LENGTH));
	}

	@Test
	void dataInsideValuesIsNotAField() {
		write("event:token\ndata:event:fake\ndata:\n\n");
		assertThat(this.events).containsExactly("token");
	}

	@Test
	void repeatedTypeIsTheSameString() {
		write("event:token\ndata:a\n\nevent:token\ndata:b\n\n");
		assertThat(this.events.get(0)).isSameAs(this.events.get(1));
	}

	private void write(String text) {
		byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
		this.scanner.scan(bytes, 1, bytes.length - 2);
	}

}
