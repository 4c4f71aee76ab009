package org.safesteps.lti;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import org.springframework.stereotype.Component;

/**
 * Seals small values (a platform's user id and where its score goes) so that they can be kept in a
 * cookie or a queued document without being readable there: AES-256-GCM as a compact JWE (nimbus,
 * {@code dir} + {@code A256GCM}), with a key of SafeSteps ({@link ToolKeys#sealingKey()}). GCM also
 * authenticates, so a changed cookie does not open.
 */
@Component
class Sealer {

	private final ToolKeys keys;

	Sealer(ToolKeys keys) {
		this.keys = keys;
	}

	String seal(Map<String, Object> values) {
		JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(values));
		try {
			jwe.encrypt(new DirectEncrypter(key()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Sealing failed", ex);
		}
		return jwe.serialize();
	}

	/** The sealed values, or empty if the text was not sealed by us (changed, cut short, another key). */
	Optional<Map<String, Object>> open(String sealed) {
		if (sealed == null || sealed.isBlank()) {
			return Optional.empty();
		}
		try {
			JWEObject jwe = JWEObject.parse(sealed);
			if (!JWEAlgorithm.DIR.equals(jwe.getHeader().getAlgorithm())
					|| !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
				return Optional.empty();
			}
			jwe.decrypt(new DirectDecrypter(key()));
			return Optional.ofNullable(jwe.getPayload().toJSONObject());
		}
		catch (ParseException | JOSEException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	private SecretKeySpec key() {
		return new SecretKeySpec(this.keys.sealingKey(), "AES");
	}

}
