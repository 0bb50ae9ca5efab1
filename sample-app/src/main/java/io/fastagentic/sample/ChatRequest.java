package io.fastagentic.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /chat} and {@code POST /chat/stream}.
 *
 * @param message what the user asks; required and not blank
 * @param sessionId the chat session the message belongs to, optional
 */
public record ChatRequest(@Nullable String message, @JsonProperty("session_id") @Nullable String sessionId) {

}
