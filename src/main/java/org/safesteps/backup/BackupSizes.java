package org.safesteps.backup;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** Byte counts as people read them on the data page ({@code ${@backupSizes.of(size)}}). */
@Component("backupSizes")
public class BackupSizes {

	public String of(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, (value < 10) ? "%.1f %s" : "%.0f %s", value, units[unit]);
	}

}
