package io.fastagentic.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the trace export health check reports a failure, and which status it reports.
 *
 * @author FastAgentic
 */
@ConfigurationProperties("fastagentic.health")
public class FastAgenticHealthProperties {

	/**
	 * How long exports may keep failing, or one export call keep retrying, before the
	 * check reports the failing status.
	 */
	private Duration outageAfter = Duration.ofSeconds(10);

	/**
	 * Share of the last minute's spans that may be dropped (0 to 1) before the check
	 * reports the failing status, when the drops span more than five seconds.
	 */
	private double maxDropRatio = 0.05;

	/**
	 * Status reported for a sustained loss. DEGRADED is left out of the aggregate
	 * /actuator/health and maps to HTTP 200; DOWN turns the aggregate red.
	 */
	private String failingStatus = "DEGRADED";

	public Duration getOutageAfter() {
		return this.outageAfter;
	}

	public void setOutageAfter(Duration outageAfter) {
		this.outageAfter = outageAfter;
	}

	public double getMaxDropRatio() {
		return this.maxDropRatio;
	}

	public void setMaxDropRatio(double maxDropRatio) {
		this.maxDropRatio = maxDropRatio;
	}

	public String getFailingStatus() {
		return this.failingStatus;
	}

	public void setFailingStatus(String failingStatus) {
		this.failingStatus = failingStatus;
	}

}
