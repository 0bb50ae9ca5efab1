package io.fastagentic.springai;

import io.fastagentic.observation.tool.DefaultToolCallObservationConvention;
import io.fastagentic.observation.tool.ToolCallKeyValues;
import io.micrometer.common.KeyValues;

import org.springframework.ai.tool.observation.DefaultToolCallingObservationConvention;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Spring AI's tool-calling observation as FastAgentic's {@code tool.call}: metric
 * {@code tool.call}, span {@code tool.call {name}}, the keys of
 * {@link ToolCallKeyValues}. Spring AI's tool-calling auto-configuration applies it to
 * the tool calling manager.
 *
 * @author FastAgentic
 */
public class SpringAiToolCallingObservationConvention extends DefaultToolCallingObservationConvention {

	@Override
	public String getName() {
		return DefaultToolCallObservationConvention.NAME;
	}

	@Override
	public String getContextualName(ToolCallingObservationContext context) {
		return DefaultToolCallObservationConvention.NAME + " " + context.getToolDefinition().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ToolCallingObservationContext context) {
		return ToolCallKeyValues.lowCardinality(new SpringAiToolCall(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ToolCallingObservationContext context) {
		return ToolCallKeyValues.highCardinality(new SpringAiToolCall(context), context.getError());
	}

}
