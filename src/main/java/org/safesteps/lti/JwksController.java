package org.safesteps.lti;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /lti/jwks: the tool's public keys, for platforms to verify what SafeSteps signs. */
@Controller
class JwksController {

	private final ToolKeys keys;

	JwksController(ToolKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/lti/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		// public parts only (toPublicJWKSet drops every private member)
		return ResponseEntity.ok().cacheControl(CacheControl.noCache())
			.body(this.keys.publicKeys().toPublicJWKSet().toJSONObject(true));
	}

}
