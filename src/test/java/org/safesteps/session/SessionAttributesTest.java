package org.safesteps.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Session values round-trip through bytes, and only allowed classes are read back. */
class SessionAttributesTest {

	@Test
	void aSignedInTeachersSecurityContextSurvivesTheRoundTrip() {
		User teacher = (User) User.withUsername("teacher@school.example").password("{noop}x").roles("TEACHER").build();
		SecurityContextImpl context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(teacher, null, teacher.getAuthorities()));

		Object read = SessionAttributes.read(SessionAttributes.write("context", context));

		assertThat(read).isEqualTo(context);
		assertThat(((SecurityContextImpl) read).getAuthentication().getAuthorities()).extracting(Object::toString)
			.contains("ROLE_TEACHER");
	}

	@Test
	void flashMessagesSurviveTheRoundTrip() {
		FlashMap flash = new FlashMap();
		flash.put("notice", "class.notice.code");
		flash.setTargetRequestPath("/teacher/classes/1");
		flash.addTargetRequestParam("tab", "learners");
		flash.startExpirationPeriod(180);
		List<FlashMap> maps = new CopyOnWriteArrayList<>(List.of(flash));

		Object read = SessionAttributes.read(SessionAttributes.write("flash", maps));

		assertThat(read).isEqualTo(maps);
	}

	@Test
	void classesOutsideTheAllowListAreNotInstantiated() {
		byte[] bytes = SessionAttributes.write("elsewhere", new java.awt.Point(1, 2));
		assertThatExceptionOfType(SessionAttributes.UnreadableAttributeException.class)
			.isThrownBy(() -> SessionAttributes.read(bytes));
	}

	@Test
	void valuesThatCannotBeStoredAreRefusedWhenSet() {
		assertThatIllegalArgumentException().isThrownBy(() -> SessionAttributes.write("thread", new Object()));
	}

}
