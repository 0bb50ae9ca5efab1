/**
 * Spring AI adapter: Spring AI's chat model and tool observations become FastAgentic's
 * {@code llm.call} and {@code tool.call}, through Spring AI's own conventions, and its
 * chat-client and advisor layers leave the trace.
 */
@NullMarked
package io.fastagentic.springai;

import org.jspecify.annotations.NullMarked;
