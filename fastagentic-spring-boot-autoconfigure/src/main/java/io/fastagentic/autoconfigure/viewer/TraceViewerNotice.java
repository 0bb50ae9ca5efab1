package io.fastagentic.autoconfigure.viewer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says once, when the application context has started its beans, why the trace viewer's
 * page is not served and what to set: its whole job is that one line.
 *
 * @author FastAgentic
 */
final class TraceViewerNotice implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(FastAgenticViewerAutoConfiguration.class);

	private final boolean warning;

	private final String message;

	private TraceViewerNotice(boolean warning, String message) {
		this.warning = warning;
		this.message = message;
	}

	static TraceViewerNotice warn(String message) {
		return new TraceViewerNotice(true, message);
	}

	static TraceViewerNotice info(String message) {
		return new TraceViewerNotice(false, message);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.warning) {
			logger.warn(this.message);
		}
		else {
			logger.info(this.message);
		}
	}

}
