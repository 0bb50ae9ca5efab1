/**
 * LangChain4j adapter: every chat model call becomes {@code llm.call {model}}, every AI
 * Services tool execution {@code tool.call {name}}, every request to the provider an HTTP
 * client span carrying the trace context, through LangChain4j's own hooks (its
 * {@code ChatModelListener}, HTTP client, model builder and AI service context SPIs).
 */
@NullMarked
package io.fastagentic.langchain4j;

import org.jspecify.annotations.NullMarked;
