package io.fastagentic.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.util.ClassUtils;

/**
 * Spring AI's {@code ChatClient} layer, kept apart so that its classes load only when
 * {@code spring-ai-client-chat} is present: a chat model can be used without it.
 *
 * @author FastAgentic
 */
final class ChatClientLayers {

	static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.ai.chat.client.observation.ChatClientObservationContext",
			ChatClientLayers.class.getClassLoader());

	private ChatClientLayers() {
	}

	/**
	 * Whether an observation is the chat client's or an advisor's.
	 */
	static boolean isClientLayer(Observation.Context context) {
		return context instanceof ChatClientObservationContext || context instanceof AdvisorObservationContext;
	}

	/**
	 * The conversation id that chat memory keeps in the request of the nearest chat
	 * client or advisor observation around a chat model call.
	 */
	static @Nullable String conversationId(Observation.ContextView context) {
		ObservationView parent = context.getParentObservation();
		while (parent != null) {
			Observation.ContextView view = parent.getContextView();
			ChatClientRequest request = (view instanceof AdvisorObservationContext advisor)
					? advisor.getChatClientRequest()
					: (view instanceof ChatClientObservationContext client) ? client.getRequest() : null;
			if (request != null) {
				Object id = request.context().get(ChatMemory.CONVERSATION_ID);
				return (id != null) ? id.toString() : null;
			}
			parent = view.getParentObservation();
		}
		return null;
	}

}
