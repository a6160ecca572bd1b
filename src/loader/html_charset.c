/*
 * html_charset.c
 *		The charset an HTML page declares: <meta charset="gbk">,
 *		<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
 *		or an XML declaration's encoding="...".  Only the head is looked at
 *		(up to </head> or the first 64 kB), as browsers do, in one pass.
 *		A byte order mark is the caller's (text_encoding.c decides it first).
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "loader.h"

#define HEAD_LIMIT 65536

/* case-insensitive prefix match of 'word' at s[i], within n */
static int
at_word(const char *s, size_t n, size_t i, const char *word)
{
	size_t		k = strlen(word);

	return i + k <= n && strncasecmp(s + i, word, k) == 0;
}

/* After "charset" or "encoding": [spaces] = [spaces] [quote] NAME */
static int
value_after(const char *s, size_t n, size_t i, char *charset, size_t size)
{
	size_t		k = 0;

	while (i < n && isspace((unsigned char) s[i]))
		i++;
	if (i >= n || s[i] != '=')
		return 0;
	i++;
	while (i < n && (isspace((unsigned char) s[i]) || s[i] == '"' || s[i] == '\''))
		i++;
	while (i < n && k + 1 < size &&
		   (isalnum((unsigned char) s[i]) || strchr("-_.:", s[i])))
		charset[k++] = s[i++];
	charset[k] = '\0';
	return k > 0;
}

int
html_declared_charset(const char *bytes, size_t len, char *charset, size_t size)
{
	size_t		n = len < HEAD_LIMIT ? len : HEAD_LIMIT;

	for (size_t i = 0; i < n; i++)
	{
		size_t		end;
		const char *key;
		size_t		klen;

		if (bytes[i] != '<')
			continue;
		if (at_word(bytes, n, i, "</head"))
			return 0;
		if (at_word(bytes, n, i, "<meta"))
			key = "charset";
		else if (at_word(bytes, n, i, "<?xml"))
			key = "encoding";
		else
			continue;
		klen = strlen(key);
		/* the tag ends at the next '>' */
		for (end = i + 1; end < n && bytes[end] != '>'; end++)
			;
		for (size_t k = i; k + klen <= end; k++)
			if (at_word(bytes, end, k, key) &&
				value_after(bytes, end, k + klen, charset, size))
				return 1;
		i = end;
	}
	return 0;
}
