/**
 * Spring AI's OpenAI client: the provider HTTP call of a streamed chat stays in the
 * chat's trace.
 */
@NullMarked
package io.fastagentic.springai.openai;

import org.jspecify.annotations.NullMarked;
