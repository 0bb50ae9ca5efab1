package io.fastagentic.springai.openai;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.core.Ordered;

/**
 * Gives every streamed OpenAI model call of a {@code ChatClient} its own id (see
 * {@link StreamedCallCorrelation}). Ordered just before Spring AI's model advisor, so it
 * runs inside the tool-calling loop, once per model call.
 *
 * @author FastAgentic
 */
public final class StreamedCallCorrelationAdvisor implements StreamAdvisor {

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		if (request.prompt().getOptions() instanceof OpenAiChatOptions options) {
			return chain.nextStream(request.mutate()
				.prompt(request.prompt().mutate().chatOptions(StreamedCallCorrelation.withFreshId(options)).build())
				.build());
		}
		return chain.nextStream(request);
	}

	@Override
	public String getName() {
		return "fastagentic-streamed-call-correlation";
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
