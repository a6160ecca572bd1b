/*
 * gen_reports.c
 *		Writes realistic 政府信息公开工作年度报告 for the demo, the tests and the
 *		benchmark, with the document a perfect parser returns for each (the
 *		"gold", in the corpus's format).  Plain C99, no dependencies, and
 *		deterministic: report i of a run depends only on the seed and i.
 *
 *		The agencies are invented and the prose is the project's own.  The
 *		figures add up (row sums, 勾稽关系, 表四 totals) unless --break asks for
 *		a specific inconsistency; the gold always records what is printed.
 *
 *		gen_reports [--seed N] [--count N] [--format 2019|2021|mixed|any]
 *					[--layout word|pipe|html|pdflayout|markdown|spaced|runtogether|any]
 *					(--reports DIR [--gold DIR] [--name NAME] | --copy | --stdout)
 *					[feature options, see usage()]
 *
 *		--copy writes one line per report in COPY text format (id, layout,
 *		body), for loading many reports quickly.
 *
 *		The semantic fuzzer (test/fuzz/semantic_fuzzer.c) includes this file
 *		with GEN_REPORTS_NO_MAIN defined and drives make_report, build_doc and
 *		the renderers itself.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Small utilities: growable buffer, deterministic random numbers
 * ------------------------------------------------------------------------ */

typedef struct Buf
{
	char	   *p;
	size_t		len;
	size_t		cap;
} Buf;

static void
breserve(Buf *b, size_t more)
{
	if (b->len + more + 1 > b->cap)
	{
		size_t		cap = b->cap ? b->cap : 256;

		while (b->len + more + 1 > cap)
			cap *= 2;
		b->p = realloc(b->p, cap);
		if (!b->p)
		{
			fprintf(stderr, "gen_reports: out of memory\n");
			exit(2);
		}
		b->cap = cap;
	}
}

static void
bputn(Buf *b, const char *s, size_t n)
{
	breserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
bput(Buf *b, const char *s)
{
	bputn(b, s, strlen(s));
}

static void
bprintf(Buf *b, const char *fmt,...)
{
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	breserve(b, (size_t) n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t) n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t) n;
}

static void
breset(Buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

/* strdup is POSIX, not C99 */
static char *
xstrdup(const char *s)
{
	size_t		n = strlen(s) + 1;
	char	   *p = malloc(n);

	if (!p)
	{
		fprintf(stderr, "gen_reports: out of memory\n");
		exit(2);
	}
	memcpy(p, s, n);
	return p;
}

/* A pool of strings that lives as long as one report. */
#define POOL_MAX 4096
static char *pool[POOL_MAX];
static int	npool;

static char *
pstrdup(const char *s)
{
	char	   *p = xstrdup(s);

	if (npool == POOL_MAX)
	{
		fprintf(stderr, "gen_reports: string pool exhausted\n");
		exit(2);
	}
	pool[npool++] = p;
	return p;
}

static char *
pprintf(const char *fmt,...)
{
	va_list		ap;
	char		tmp[1024];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	return pstrdup(tmp);
}

static void
pool_reset(void)
{
	while (npool > 0)
		free(pool[--npool]);
}

static uint64_t rng;

static uint64_t
rnd(void)
{
	uint64_t	z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static long long
rint_(long long lo, long long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long long) (rnd() % (uint64_t) (hi - lo + 1));
}

static bool
chance(int pct)
{
	return (int) (rnd() % 100) < pct;
}

#define PICK(arr) ((arr)[rnd() % (sizeof(arr) / sizeof((arr)[0]))])
#define LEN(arr) ((int) (sizeof(arr) / sizeof((arr)[0])))

/* display width of UTF-8 text: CJK and full-width characters count 2 */
static int
dwidth(const char *s)
{
	int			w = 0;
	const unsigned char *p = (const unsigned char *) s;

	while (*p)
	{
		if (*p < 0x80)
		{
			w += 1;
			p++;
		}
		else if ((*p & 0xE0) == 0xC0)
		{
			w += 1;
			p += 2;
		}
		else if ((*p & 0xF0) == 0xE0)
		{
			/* “ ” are narrow in most PDF fonts' text output; close enough */
			w += 2;
			p += 3;
		}
		else
		{
			w += 2;
			p += 4;
		}
	}
	return w;
}

static int
u8len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	return 4;
}

/* ------------------------------------------------------------------------
 * The report: figures as printed and as the gold records them
 * ------------------------------------------------------------------------ */

enum
{
	L_WORD, L_PIPE, L_HTML, L_PDFLAYOUT, L_MARKDOWN, L_SPACED, L_RUNTOGETHER, L_NLAYOUTS
};
static const char *const layout_names[L_NLAYOUTS] = {
	"word", "pipe", "html", "pdflayout", "markdown", "spaced", "runtogether"
};
static const char *const layout_ext[L_NLAYOUTS] = {
	"txt", "txt", "html", "txt", "md", "txt", "txt"
};

/* 表二 rows, in the order of govdisc.h's GdActiveRow */
enum
{
	A_RULES, A_NORMATIVE, A_LICENSING, A_OTHER_SERVICES, A_PENALTIES, A_COERCION,
	A_FEES, A_PROCUREMENT, A_NROWS
};
static const char *const active_keys[A_NROWS] = {
	"rules", "normative_documents", "licensing", "other_services", "penalties",
	"coercion", "fees", "procurement"
};

/* 表三 rows, in the order of GdRequestRow */
enum
{
	R_RECEIVED, R_CARRIED_OVER, R_GRANTED, R_PARTIAL,
	R_DENIED_SECRET, R_DENIED_LAW, R_DENIED_SAFETY, R_DENIED_THIRD_PARTY,
	R_DENIED_INTERNAL, R_DENIED_PROCESS, R_DENIED_ENFORCEMENT, R_DENIED_QUERY,
	R_UNAV_NOT_HELD, R_UNAV_CREATION, R_UNAV_UNCLEAR,
	R_REJ_COMPLAINT, R_REJ_DUPLICATE, R_REJ_PUBLICATION, R_REJ_EXCESSIVE, R_REJ_CONFIRMATION,
	R_OTHER_HANDLING, R_OTHER_NO_CORRECTION, R_OTHER_NO_FEE, R_OTHER_MISC,
	R_TOTAL, R_CARRIED_FORWARD, R_NROWS
};
static const char *const request_keys[R_NROWS] = {
	"received", "carried_over", "granted", "partial",
	"denied_secret", "denied_law", "denied_safety", "denied_third_party",
	"denied_internal", "denied_process", "denied_enforcement", "denied_query",
	"unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
	"rejected_complaint", "rejected_duplicate", "rejected_publication",
	"rejected_excessive", "rejected_confirmation",
	"other_handling", "other_no_correction", "other_no_fee", "other_misc",
	"total", "carried_forward"
};

/* labels of the result rows under their group heading */
static const char *const request_item_labels[R_NROWS] = {
	NULL, NULL, NULL, NULL,
	"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
	"4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
	"7.属于行政执法案卷", "8.属于行政查询事项",
	"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
	"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
	"4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
	NULL,
	"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	"3.其他",
	NULL, NULL
};

#define NCOLS_REQ 7
static const char *const request_col_keys[NCOLS_REQ] = {
	"natural_person", "enterprise", "research", "ngo", "legal", "other_org", "total"
};

enum
{
	V_RECONSIDERATION, V_LIT_DIRECT, V_LIT_AFTER, V_NROWS
};
static const char *const review_keys[V_NROWS] = {
	"reconsideration", "litigation_direct", "litigation_after_reconsideration"
};
static const char *const review_col_keys[5] = {
	"upheld", "corrected", "other", "pending", "total"
};

/* breakable inconsistencies (--break) */
#define BRK_ROW_SUM		0x01
#define BRK_RESULTS_SUM 0x02
#define BRK_BALANCE		0x04
#define BRK_REVIEW_SUM	0x08
#define BRK_PROSE		0x10

typedef struct Cell
{
	long long	v;				/* value for the gold (yuan for amounts) */
	bool		null;			/* blank or placeholder: null in the gold */
	bool		uncertain;		/* not scored (cells run together, no unique split) */
	char		txt[64];		/* as printed */
} Cell;

/* feature switches: -1 = decide at random per report */
typedef struct Options
{
	long long	seed;
	int			count;
	int			format;			/* 2019, 2021, 1 = mixed, 0 = any */
	int			layout;			/* -1 = any */
	int			year;			/* 0 = any */
	const char *reports_dir;
	const char *gold_dir;
	const char *name;
	bool		copy;
	bool		to_stdout;
	int			fullwidth;
	int			blank_orgs;
	int			placeholders;
	int			units;
	int			signs;
	int			numbering;		/* 0 （一）, 1 (一), 2 ㈠, 3 ⑴ */
	int			headings;		/* 0 一、, 1 1、 */
	int			vertical;
	int			variants;		/* label variants: 规    章, 结果维护, ... */
	int			closing;		/* closing agency + date */
	int			crawler;		/* crawler header lines */
	int			amount_style;	/* -1 any, 0..5 (see gen_active_row), 6 no unit */
	int			blank_review;
	int			scale;			/* 0 none, 1 small, 2 medium, 3 large */
	unsigned	breaks;
} Options;

typedef struct Agency
{
	char		name[128];		/* 青禾县交通运输局 */
	char		place[64];		/* 青禾县 */
	char		level[8];		/* 县 / 市 / 区 / 镇 */
	char		self[16];		/* 我局 */
	char		shortname[64];	/* 县交通运输局 */
	char		field[64];		/* 交通运输 */
	char		up[64];			/* 县委、县政府 */
	char		website[96];
} Agency;

typedef struct Report
{
	int			index;
	int			layout;
	int			tpl_active;		/* 2019 or 2021 */
	int			tpl_requests;	/* 2019 or 2021 */
	int			year;
	Agency		ag;
	int			pub_month,
				pub_day;		/* closing date, in year + 1 */
	bool		closing;
	bool		crawler;		/* 标题:/发布时间: header (spaced, runtogether) or 发布时间 (pipe) */
	int			crawl_day;		/* the header's date: closing day + this */
	char		published[40];	/* the gold's "published", "" for null */

	bool		fullwidth,
				blank_orgs,
				placeholders,
				units,
				signs,
				vertical,
				variants,
				blank_review,
				ascii_punct,
				broken_heads,
				html_nbsp;
	int			numbering,
				headings,
				scale,
				amount_style;
	unsigned	breaks;

	Cell		act[A_NROWS][3];
	char		amount_text[64];	/* 采购总金额 as printed */
	int			amount_header_unit; /* 0 none, 1 （元）, 2 （万元） */
	Cell		req[R_NROWS][NCOLS_REQ];
	Cell		rev[V_NROWS][5];

	int			fee_style;		/* part 六, see fee_sentence() */
	long long	fee_cases;		/* -1: the report does not say */
	long long	fee_amount;		/* yuan */
	bool		fee_stated;
} Report;

/* ------------------------------------------------------------------------
 * Agencies (invented places, real kinds of bodies)
 * ------------------------------------------------------------------------ */

static const char *const places[] = {
	"青禾县", "澄江市", "松岚县", "桐溪区", "柳湾市", "白鹭洲区", "云岫县", "黛溪市",
	"石岭县", "鹤鸣区", "兰汀县", "苍梧山区", "雁湖市", "栖霞坪县", "金沙渡区", "望川县"
};
static const char *const towns[] = {
	"石桥镇", "云上乡", "杏花镇", "双河镇", "梨园乡", "东塘镇", "柏林镇", "清溪乡"
};
static const char *const roads[] = {
	"文昌路", "人民大道", "建设北路", "滨江路", "朝阳街", "府前路", "新华路", "迎宾大道"
};

typedef struct Bureau
{
	const char *name;
	const char *field;
	const char *self;
} Bureau;

static const Bureau bureaus[] = {
	{"交通运输局", "交通运输", "我局"},
	{"生态环境局", "生态环境保护", "我局"},
	{"自然资源和规划局", "自然资源管理", "我局"},
	{"卫生健康委员会", "卫生健康", "我委"},
	{"市场监督管理局", "市场监管", "我局"},
	{"应急管理局", "应急管理和安全生产", "我局"},
	{"人力资源和社会保障局", "就业和社会保障", "我局"},
	{"住房和城乡建设局", "住房和城乡建设", "我局"},
	{"农业农村局", "农业农村", "我局"},
	{"水利局", "水利", "我局"},
	{"教育局", "教育", "我局"},
	{"民政局", "民政", "我局"},
	{"司法局", "司法行政", "我局"},
	{"财政局", "财政", "我局"},
	{"发展和改革委员会", "发展改革", "我委"},
	{"人民防空办公室", "人民防空", "我办"},
	{"医疗保障局", "医疗保障", "我局"},
	{"文化广电和旅游局", "文化旅游", "我局"},
};

static void
make_agency(Agency *ag)
{
	const char *place = PICK(places);
	const char *end = place + strlen(place) - 3;	/* last character: 县/市/区 */
	int			kind = (int) rint_(0, 99);

	memset(ag, 0, sizeof(*ag));
	snprintf(ag->place, sizeof(ag->place), "%s", place);
	snprintf(ag->level, sizeof(ag->level), "%s", end);
	snprintf(ag->up, sizeof(ag->up), "%s委、%s政府", ag->level, ag->level);
	snprintf(ag->website, sizeof(ag->website), "%s人民政府门户网站", place);
	if (kind < 10)
	{
		/* the whole government's report */
		snprintf(ag->name, sizeof(ag->name), "%s人民政府", place);
		snprintf(ag->self, sizeof(ag->self), "%s政府", ag->level);
		snprintf(ag->shortname, sizeof(ag->shortname), "%s政府", ag->level);
		snprintf(ag->field, sizeof(ag->field), "经济社会发展");
		snprintf(ag->up, sizeof(ag->up), "上级党委、政府");
	}
	else if (kind < 20)
	{
		const char *town = PICK(towns);

		snprintf(ag->name, sizeof(ag->name), "%s%s人民政府", place, town);
		snprintf(ag->self, sizeof(ag->self), "我%.3s", town + strlen(town) - 3);
		snprintf(ag->shortname, sizeof(ag->shortname), "%s政府", town);
		snprintf(ag->field, sizeof(ag->field), "基层治理和为民服务");
	}
	else
	{
		const Bureau *b = &bureaus[rnd() % LEN(bureaus)];

		snprintf(ag->name, sizeof(ag->name), "%s%s", place, b->name);
		snprintf(ag->self, sizeof(ag->self), "%s", b->self);
		snprintf(ag->shortname, sizeof(ag->shortname), "%s%s", ag->level, b->name);
		snprintf(ag->field, sizeof(ag->field), "%s", b->field);
	}
}

/* ------------------------------------------------------------------------
 * Printing numbers
 * ------------------------------------------------------------------------ */

/* ASCII digits (and + - .) to their full-width forms */
static void
to_fullwidth(char *s, size_t cap)
{
	char		out[256];
	size_t		o = 0;

	for (const char *p = s; *p && o + 4 < sizeof(out); p++)
	{
		if (*p >= '0' && *p <= '9')
		{
			out[o++] = (char) 0xEF;
			out[o++] = (char) 0xBC;
			out[o++] = (char) (0x90 + (*p - '0'));
		}
		else if (*p == '-')
		{
			out[o++] = (char) 0xEF;
			out[o++] = (char) 0xBC;
			out[o++] = (char) 0x8D;
		}
		else if (*p == '+')
		{
			out[o++] = (char) 0xEF;
			out[o++] = (char) 0xBC;
			out[o++] = (char) 0x8B;
		}
		else
			out[o++] = *p;
	}
	out[o] = '\0';
	if (o >= cap)
		o = cap - 1;
	memcpy(s, out, o);
	s[o] = '\0';
}

static void
set_count(Report *r, Cell *c, long long v, const char *unit)
{
	c->v = v;
	c->null = false;
	snprintf(c->txt, sizeof(c->txt), "%lld%s", v, unit ? unit : "");
	if (r->fullwidth)
		to_fullwidth(c->txt, sizeof(c->txt));
}

static void
set_signed(Report *r, Cell *c, long long v)
{
	c->v = v;
	c->null = false;
	if (v > 0 && r->signs && chance(60))
		snprintf(c->txt, sizeof(c->txt), "+%lld", v);
	else if (v < 0 && r->signs && chance(50))
		snprintf(c->txt, sizeof(c->txt), "－%lld", -v);	/* full-width minus */
	else
		snprintf(c->txt, sizeof(c->txt), "%lld", v);
	if (r->fullwidth)
		to_fullwidth(c->txt, sizeof(c->txt));
}

static void
set_null(Cell *c, const char *txt)
{
	c->v = 0;
	c->null = true;
	snprintf(c->txt, sizeof(c->txt), "%s", txt);
}

/* yuan (integer) as 万 with up to four decimals, trailing zeros trimmed */
static void
fmt_wan(char *out, size_t cap, long long yuan)
{
	long long	w = yuan / 10000,
				f = yuan % 10000;

	if (f == 0)
		snprintf(out, cap, "%lld", w);
	else
	{
		char		frac[8];
		int			n;

		snprintf(frac, sizeof(frac), "%04lld", f);
		n = 4;
		while (n > 0 && frac[n - 1] == '0')
			frac[--n] = '\0';
		snprintf(out, cap, "%lld.%s", w, frac);
	}
}

/* ------------------------------------------------------------------------
 * Figures
 * ------------------------------------------------------------------------ */

static long long
scaled(int scale, long long small, long long medium, long long large)
{
	switch (scale)
	{
		case 0:
			return 0;
		case 1:
			return rint_(0, small);
		case 2:
			return rint_(small / 2, medium);
		default:
			return rint_(medium / 2, large);
	}
}

static const char *
count_unit(Report *r, const char *u)
{
	return (r->units && chance(70)) ? u : NULL;
}

/* one 表二 row; rows are independent, so a row can be drawn again alone */
static void
gen_active_row(Report *r, int row)
{
	Cell	   *c = r->act[row];
	/* 表二 has figures even where no one asked for information */
	int			s = r->scale > 0 ? r->scale - 1 : 0;

	if (r->tpl_active == 2019)
	{
		switch (row)
		{
			case A_RULES:
			case A_NORMATIVE:
				{
					long long	made,
								pub,
								total;
					const char *u = count_unit(r, "件");

					if (row == A_RULES && r->placeholders)
					{
						const char *ph = chance(50) ? "/" : "—";

						set_null(&c[0], ph);
						set_null(&c[1], ph);
						set_null(&c[2], ph);
						return;
					}
					made = row == A_RULES ? (chance(strstr(r->ag.name, "人民政府") ? 60 : 95) ? 0 : rint_(1, 3)) : scaled(s + 1, 4, 20, 80);
					pub = made - (made > 2 && chance(30) ? rint_(1, made / 2) : 0);
					total = pub + (row == A_RULES ? rint_(0, 4) * (made > 0) : scaled(s + 1, 8, 60, 900));
					set_count(r, &c[0], made, u);
					set_count(r, &c[1], pub, u);
					set_count(r, &c[2], total, u);
					return;
				}
			case A_LICENSING:
			case A_OTHER_SERVICES:
			case A_PENALTIES:
			case A_COERCION:
				{
					long long	prior = scaled(s + 1, 6, 60, 900);
					long long	change = chance(55) ? 0 : rint_(-(prior / 4) - 1, prior / 3 + 2);
					long long	dec = scaled(s + 1, 20, 2000, 90000);
					const char *u = count_unit(r, "个");

					if (prior + change < 0)
						change = -prior;
					if (row == A_COERCION)
						dec /= 20;
					/* decisions equal to prior + change would look like misused columns */
					if (dec == prior + change && dec > 0)
						dec++;
					set_count(r, &c[0], prior, u);
					set_signed(r, &c[1], change);
					set_count(r, &c[2], dec, u);
					return;
				}
			case A_FEES:
				if (r->placeholders && chance(60))
				{
					const char *ph = chance(50) ? "无" : "-";

					set_null(&c[0], ph);
					set_null(&c[1], ph);
				}
				else
				{
					long long	prior = rint_(0, 12);

					set_count(r, &c[0], prior, NULL);
					set_signed(r, &c[1], chance(70) ? 0 : rint_(-prior, 3));
				}
				set_null(&c[2], "");
				return;
			case A_PROCUREMENT:
				{
					long long	n = scaled(s + 1, 5, 60, 3000);
					long long	yuan = n == 0 ? 0 : n * rint_(2000, 400000);
					int			style = r->amount_style >= 0 ? r->amount_style : (int) rint_(0, 5);
					char		num[48];

					/* amounts in 万 have at most four decimals: whole yuan */
					if (style == 1 || style == 3)
						yuan = yuan / 100 * 100;
					set_count(r, &c[0], n, r->units && chance(50) ? (chance(50) ? "个" : "项") : NULL);
					/* cells that run together read best with a unit after the count */
					if (r->layout == L_RUNTOGETHER && isdigit((unsigned char) c[0].txt[strlen(c[0].txt) - 1]))
						strcat(c[0].txt, "项");
					c[1].v = yuan;
					c[1].null = false;
					r->amount_header_unit = 0;
					switch (style)
					{
						case 0:
							snprintf(c[1].txt, sizeof(c[1].txt), "%lld元", yuan);
							break;
						case 1:
							fmt_wan(num, sizeof(num), yuan);
							snprintf(c[1].txt, sizeof(c[1].txt), "%s万元", num);
							break;
						case 2:
							fmt_wan(num, sizeof(num), yuan);
							snprintf(c[1].txt, sizeof(c[1].txt), "%s万", num);
							break;
						case 3:
							fmt_wan(num, sizeof(num), yuan);
							snprintf(c[1].txt, sizeof(c[1].txt), "%s", num);
							r->amount_header_unit = 2;
							break;
						case 4:
						case 5:
							snprintf(c[1].txt, sizeof(c[1].txt), "%lld", yuan);
							r->amount_header_unit = 1;
							break;
						default:
							/* no unit anywhere: the amount cannot be known */
							snprintf(c[1].txt, sizeof(c[1].txt), "%lld", yuan);
							c[1].null = true;
							break;
					}
					snprintf(r->amount_text, sizeof(r->amount_text), "%s", c[1].txt);
					set_null(&c[2], "");
					return;
				}
		}
	}
	else
	{
		switch (row)
		{
			case A_RULES:
			case A_NORMATIVE:
				{
					long long	issued,
								repealed,
								inforce;
					const char *u = count_unit(r, "件");

					if (row == A_RULES && r->placeholders)
					{
						set_null(&c[0], "/");
						set_null(&c[1], "/");
						set_null(&c[2], "/");
						return;
					}
					issued = row == A_RULES ? (chance(strstr(r->ag.name, "人民政府") ? 60 : 95) ? 0 : rint_(1, 4)) : scaled(s + 1, 4, 30, 120);
					inforce = issued + (row == A_RULES ? rint_(0, 6) * (issued > 0) : scaled(s + 1, 10, 120, 1500));
					/* what is repealed was in force before */
					repealed = chance(50) ? 0 : rint_(0, inforce - issued < 6 ? inforce - issued : 6);
					set_count(r, &c[0], issued, u);
					set_count(r, &c[1], repealed, u);
					set_count(r, &c[2], inforce, u);
					return;
				}
			case A_LICENSING:
			case A_PENALTIES:
			case A_COERCION:
				if (row == A_COERCION && r->placeholders && chance(50))
					set_null(&c[0], "—");
				else
				{
					long long	dec = scaled(s + 1, 30, 3000, 200000);

					set_count(r, &c[0], row == A_COERCION ? dec / 25 : dec, count_unit(r, "件"));
				}
				set_null(&c[1], "");
				set_null(&c[2], "");
				return;
			case A_FEES:
				{
					long long	yuan = chance(30) ? 0 : scaled(s + 1, 200, 60000, 9000000) * 100;
					char		num[48];

					c[0].v = yuan;
					c[0].null = false;
					fmt_wan(num, sizeof(num), yuan);
					snprintf(c[0].txt, sizeof(c[0].txt), "%s", num);
					if (r->placeholders && yuan == 0 && chance(50))
						set_null(&c[0], "无");
					set_null(&c[1], "");
					set_null(&c[2], "");
					return;
				}
			default:
				set_null(&c[0], "");
				set_null(&c[1], "");
				set_null(&c[2], "");
				return;
		}
	}
}

/* share out n among k rows by weights; the first row takes what is left */
static void
share(long long n, const int *weights, long long *out, int k)
{
	long long	left = n;
	int			wsum = 0;

	for (int i = 0; i < k; i++)
	{
		out[i] = 0;
		wsum += weights[i];
	}
	for (int i = k - 1; i > 0 && left > 0; i--)
	{
		long long	take;

		if (weights[i] == 0)
			continue;
		take = (long long) ((double) n * weights[i] / wsum * (0.3 + (double) (rnd() % 1400) / 1000.0));
		if (n < 12)
			take = chance(weights[i] * 2) ? rint_(0, left > 2 ? 2 : left) : 0;
		if (take > left)
			take = left;
		out[i] = take;
		left -= take;
	}
	out[0] += left;
}

static void
gen_requests(Report *r)
{
	long long	received[6],
				over[6],
				fwd[6];
	int			s = r->scale;
	int			nres = R_TOTAL - R_GRANTED;
	int			weights[R_TOTAL - R_GRANTED];
	static const int w2019[R_TOTAL - R_GRANTED] = {
		/* granted, partial, denied x8, unavailable x3, rejected x5, other x4 */
		45, 8, 1, 1, 1, 2, 2, 2, 1, 1, 20, 3, 2, 4, 3, 1, 1, 1, 5, 0, 0, 0
	};

	memcpy(weights, w2019, sizeof(weights));
	if (r->tpl_requests == 2021)
	{
		weights[R_OTHER_HANDLING - R_GRANTED] = 0;
		weights[R_OTHER_NO_CORRECTION - R_GRANTED] = 2;
		weights[R_OTHER_NO_FEE - R_GRANTED] = 1;
		weights[R_OTHER_MISC - R_GRANTED] = 3;
	}

	received[0] = scaled(s, 12, 300, 12000);
	received[1] = (received[0] > 3 && chance(70)) ? rint_(0, received[0] / 6 + 1) : 0;
	received[2] = chance(10) ? rint_(0, received[0] / 40 + 1) : 0;
	received[3] = chance(20) ? rint_(0, received[0] / 30 + 1) : 0;
	received[4] = chance(35) ? rint_(0, received[0] / 15 + 1) : 0;
	received[5] = chance(25) ? rint_(0, received[0] / 25 + 1) : 0;
	if (r->blank_orgs || s == 0)
		for (int a = 1; a < 6; a++)
			received[a] = 0;
	for (int a = 0; a < 6; a++)
	{
		over[a] = (received[a] > 4 && chance(40)) ? rint_(0, received[a] / 10 + 1) : 0;
		fwd[a] = (received[a] + over[a] > 4 && chance(45)) ? rint_(0, (received[a] + over[a]) / 8 + 1) : 0;
	}

	for (int row = 0; row < R_NROWS; row++)
		for (int c = 0; c < NCOLS_REQ; c++)
			memset(&r->req[row][c], 0, sizeof(Cell));

	for (int a = 0; a < 6; a++)
	{
		long long	handled = received[a] + over[a] - fwd[a];
		long long	parts[R_TOTAL - R_GRANTED];

		share(handled, weights, parts, nres);
		r->req[R_RECEIVED][a].v = received[a];
		r->req[R_CARRIED_OVER][a].v = over[a];
		r->req[R_CARRIED_FORWARD][a].v = fwd[a];
		r->req[R_TOTAL][a].v = handled;
		for (int i = 0; i < nres; i++)
			r->req[R_GRANTED + i][a].v = parts[i];
	}
	for (int row = 0; row < R_NROWS; row++)
	{
		long long	t = 0;

		for (int a = 0; a < 6; a++)
			t += r->req[row][a].v;
		r->req[row][6].v = t;
	}
	for (int row = 0; row < R_NROWS; row++)
	{
		bool		inform = r->tpl_requests == 2019
			? !(row >= R_OTHER_NO_CORRECTION && row <= R_OTHER_MISC)
			: row != R_OTHER_HANDLING;

		for (int c = 0; c < NCOLS_REQ; c++)
		{
			Cell	   *cell = &r->req[row][c];

			if (!inform)
				continue;
			if (r->blank_orgs && c >= 1 && c <= 5)
				set_null(cell, "");
			else
				set_count(r, cell, cell->v, NULL);
		}
	}
}

static void
gen_review(Report *r)
{
	for (int row = 0; row < V_NROWS; row++)
	{
		long long	v[4] = {0, 0, 0, 0};
		long long	t;

		if (r->scale >= 2 && chance(row == V_RECONSIDERATION ? 55 : 35))
		{
			int			k = r->scale == 3 ? 30 : 3;

			for (int i = 0; i < 4; i++)
				v[i] = chance(60) ? rint_(0, k) : 0;
		}
		else if (r->scale == 1 && chance(15))
			v[(int) rint_(0, 3)] = 1;
		t = v[0] + v[1] + v[2] + v[3];
		for (int i = 0; i < 4; i++)
		{
			if (r->blank_review)
				set_null(&r->rev[row][i], "");
			else
				set_count(r, &r->rev[row][i], v[i], NULL);
		}
		if (r->blank_review)
			set_null(&r->rev[row][4], "");
		else
			set_count(r, &r->rev[row][4], t, NULL);
	}
}

static void
gen_fees(Report *r)
{
	r->fee_stated = false;
	r->fee_cases = -1;
	r->fee_amount = 0;
	r->fee_style = 0;
	if (r->tpl_active != 2021 && r->tpl_requests != 2021)
		return;
	r->fee_stated = true;
	r->fee_style = (int) rint_(1, 5);
	switch (r->fee_style)
	{
		case 1:					/* 未收取 */
		case 2:					/* 未发生 */
		case 3:					/* 收取 0 元 */
			r->fee_cases = 0;
			r->fee_amount = 0;
			break;
		case 4:					/* N 件, X 元 */
			r->fee_cases = rint_(1, 6);
			r->fee_amount = r->fee_cases * rint_(1, 8) * 50;
			break;
		default:				/* X 元 only */
			r->fee_cases = -1;
			r->fee_amount = rint_(1, 40) * 100;
			break;
	}
}

static void
apply_breaks(Report *r)
{
	if (r->breaks & BRK_ROW_SUM)
	{
		Cell	   *c = &r->req[R_GRANTED][6];

		set_count(r, c, c->v + 1, NULL);
	}
	if (r->breaks & BRK_RESULTS_SUM)
	{
		/* （七）总计 printed as zeros, as some reports do */
		for (int a = 0; a < NCOLS_REQ; a++)
			if (!r->req[R_TOTAL][a].null)
				set_count(r, &r->req[R_TOTAL][a], 0, NULL);
	}
	if (r->breaks & BRK_BALANCE)
	{
		set_count(r, &r->req[R_CARRIED_FORWARD][0], r->req[R_CARRIED_FORWARD][0].v + 2, NULL);
		set_count(r, &r->req[R_CARRIED_FORWARD][6], r->req[R_CARRIED_FORWARD][6].v + 2, NULL);
	}
	if (r->breaks & BRK_REVIEW_SUM)
	{
		Cell	   *c = &r->rev[V_RECONSIDERATION][4];

		if (r->rev[V_RECONSIDERATION][0].null)
			set_count(r, &r->rev[V_RECONSIDERATION][0], 1, NULL);
		set_count(r, c, c->null ? 2 : c->v + 1, NULL);
	}
}

/* ------------------------------------------------------------------------
 * Run-together cells: is the split of a row unique?
 * ------------------------------------------------------------------------ */

typedef struct SplitSpec
{
	int			ncells;
	bool		is_signed[7];
	bool		decimal[7];
	bool		rowsum;			/* last cell = sum of the others */
	long long	vals[7];
	int			found;
} SplitSpec;

static const char *const split_units[] = {"万元", "万", "元", "个", "件", "项", "笔"};

static bool
is_digit_at(const char *s, size_t i, size_t n)
{
	return i < n && s[i] >= '0' && s[i] <= '9';
}

static void
split_rec(SplitSpec *sp, const char *s, size_t n, size_t pos, int cell)
{
	size_t		i;

	if (sp->found > 1)
		return;
	if (cell == sp->ncells)
	{
		if (pos != n)
			return;
		if (sp->rowsum)
		{
			long long	t = 0;

			for (int k = 0; k < sp->ncells - 1; k++)
				t += sp->vals[k];
			if (t != sp->vals[sp->ncells - 1])
				return;
		}
		sp->found++;
		return;
	}
	i = pos;
	{
		bool		neg = false;
		size_t		dstart;

		if (sp->is_signed[cell] && i < n && (s[i] == '+' || s[i] == '-'))
		{
			neg = s[i] == '-';
			i++;
		}
		dstart = i;
		/* one integer part, no leading zeros; try every length */
		for (size_t end = dstart + 1; end <= n && is_digit_at(s, end - 1, n); end++)
		{
			long long	v = 0;
			size_t		e;

			if (s[dstart] == '0' && end - dstart > 1)
				break;
			if (end - dstart > 15)
				break;
			for (size_t k = dstart; k < end; k++)
				v = v * 10 + (s[k] - '0');
			sp->vals[cell] = neg ? -v : v;
			e = end;
			/* an optional fraction: every length */
			if (sp->decimal[cell] && e < n && s[e] == '.')
			{
				for (size_t fe = e + 2; fe <= n && is_digit_at(s, fe - 1, n); fe++)
				{
					size_t		ue = fe;

					split_rec(sp, s, n, ue, cell + 1);
					for (int u = 0; u < LEN(split_units); u++)
					{
						size_t		ul = strlen(split_units[u]);

						if (ue + ul <= n && memcmp(s + ue, split_units[u], ul) == 0)
							split_rec(sp, s, n, ue + ul, cell + 1);
					}
				}
			}
			split_rec(sp, s, n, e, cell + 1);
			for (int u = 0; u < LEN(split_units); u++)
			{
				size_t		ul = strlen(split_units[u]);

				if (e + ul <= n && memcmp(s + e, split_units[u], ul) == 0)
					split_rec(sp, s, n, e + ul, cell + 1);
			}
		}
	}
}

/* number of ways (0, 1 or 2 meaning "more") the cells can be read back */
static int
split_count(Cell *cells, int ncells, const bool *is_signed, const bool *decimal, bool rowsum)
{
	SplitSpec	sp;
	char		s[512] = "";

	memset(&sp, 0, sizeof(sp));
	sp.ncells = ncells;
	sp.rowsum = rowsum;
	for (int i = 0; i < ncells; i++)
	{
		sp.is_signed[i] = is_signed ? is_signed[i] : false;
		sp.decimal[i] = decimal ? decimal[i] : false;
		if (cells[i].null)
			return 2;			/* a placeholder or blank run together: do not score */
		strncat(s, cells[i].txt, sizeof(s) - strlen(s) - 1);
	}
	/* the full-width minus reads as a sign too */
	{
		char		t[512];
		size_t		o = 0;

		for (size_t i = 0; s[i] && o + 1 < sizeof(t); i++)
		{
			if ((unsigned char) s[i] == 0xEF && (unsigned char) s[i + 1] == 0xBC && (unsigned char) s[i + 2] == 0x8D)
			{
				t[o++] = '-';
				i += 2;
			}
			else
				t[o++] = s[i];
		}
		t[o] = '\0';
		split_rec(&sp, t, o, 0, 0);
	}
	return sp.found;
}

static int
active_ncells(int tpl, int row)
{
	if (tpl == 2019)
	{
		if (row == A_FEES || row == A_PROCUREMENT)
			return 2;
		return 3;
	}
	if (row == A_OTHER_SERVICES || row == A_PROCUREMENT)
		return 0;
	if (row == A_RULES || row == A_NORMATIVE)
		return 3;
	return 1;
}

static bool
request_row_in(const Report *r, int row)
{
	if (r->tpl_requests == 2019)
		return !(row >= R_OTHER_NO_CORRECTION && row <= R_OTHER_MISC);
	return row != R_OTHER_HANDLING;
}

/* make the run-together rows readable where the figures allow it */
static void
settle_runtogether(Report *r)
{
	bool		all_ok = false;
	/* some reports keep rows that cannot be split with certainty, as real ones do */
	int			retries = chance(60) ? 30 : 2;

	for (int row = 0; row < A_NROWS; row++)
	{
		int			n = active_ncells(r->tpl_active, row);
		bool		sg[3] = {false, r->tpl_active == 2019, false};
		bool		dec[3] = {false, row == A_PROCUREMENT, false};

		if (n <= 1)
			continue;
		for (int tries = 0; tries < retries; tries++)
		{
			int			keep = r->scale;

			if (split_count(r->act[row], n, sg, dec, false) == 1)
				break;
			/* smaller figures split more often in one way only */
			if (tries >= 15)
				r->scale = 0;
			gen_active_row(r, row);
			r->scale = keep;
		}
		if (split_count(r->act[row], n, sg, dec, false) != 1)
			for (int c = 0; c < n; c++)
				r->act[row][c].uncertain = true;
	}

	for (int tries = 0; tries < 40 && !all_ok; tries++)
	{
		all_ok = true;
		for (int row = 0; row < R_NROWS && all_ok; row++)
			if (request_row_in(r, row) && split_count(r->req[row], 7, NULL, NULL, true) != 1)
				all_ok = false;
		if (!all_ok)
			gen_requests(r);
	}
	apply_breaks(r);
	for (int row = 0; row < R_NROWS; row++)
		if (request_row_in(r, row) && split_count(r->req[row], 7, NULL, NULL, true) != 1)
			for (int c = 0; c < 7; c++)
				r->req[row][c].uncertain = true;
}

/* ------------------------------------------------------------------------
 * Prose: the project's own sentences, with placeholders
 *		{Y} year  {NY} next year  {A} agency  {S} we (我局)  {SN} short name
 *		{P} place  {UP} 县委、县政府  {F} field  {D} 国办公开办函 number
 *		{R} {C} {K} received / carried over / carried forward (总计)
 *		{X} {L} reconsideration / litigation cases
 *		{N} a fresh number 12..480  {n} a fresh number 2..9  {W} website
 * ------------------------------------------------------------------------ */

static const char *const opening[] = {
	"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告格式的通知（{D}）编写，由{A}根据本机关{Y}年度政府信息公开工作情况汇总形成。报告共分六个部分：总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，存在的主要问题及改进情况，其他需要报告的事项。报告所列数据的统计时段为{Y}年1月1日至{Y}年12月31日。公众如对本报告有疑问，可与{A}办公室联系（地址：{ADDR}；邮编：{ZIP}；电话：{TEL}）。",
	"按照《中华人民共和国政府信息公开条例》的规定和{D}对年度报告格式的要求，现将{A}{Y}年政府信息公开工作情况报告如下。本报告中的统计数据起止时间为{Y}年1月1日至12月31日，电子文本可在{W}“政府信息公开”专栏查阅和下载。对本报告如有疑问，请与{SN}办公室联系，联系电话：{TEL}。",
	"为保障公民、法人和其他组织依法获取政府信息，{A}依照《中华人民共和国政府信息公开条例》和{D}的要求，编制本年度报告。报告内容涵盖本机关{Y}年度主动公开、依申请公开、复议诉讼等方面的情况，统计期限自{Y}年1月1日起至{Y}年12月31日止。报告全文在{W}公布，如有疑问，请来函或来电咨询（地址：{ADDR}，邮政编码：{ZIP}）。",
	"{A}根据《中华人民共和国政府信息公开条例》要求，参照{D}规定的格式，编制{Y}年度政府信息公开工作年度报告。本报告所列数据的统计时间为{Y}年1月1日至{Y}年12月31日。",
};

static const char *const overall_intro[] = {
	"{Y}年，{S}坚持以人民为中心的发展思想，把政务公开作为转变政府职能、提升治理能力的重要抓手，围绕年度重点任务和群众关切，持续推进决策、执行、管理、服务、结果公开，政府信息公开工作总体平稳有序。",
	"{Y}年，在{UP}的统一部署下，{S}认真落实政务公开各项要求，健全工作机制，拓宽公开渠道，规范依申请办理，各项工作取得了新的进展。",
	"一年来，{S}紧扣{F}领域的中心工作，将政府信息公开融入业务工作全过程，做到应公开尽公开，以公开促规范、以公开促服务、以公开促落实。",
	"{Y}年，{S}把政务公开列入年度重点工作，主要负责同志多次听取工作汇报，研究部署重点任务，推动政府信息公开工作与{F}工作同谋划、同推进、同考核。",
	"{Y}年，{S}以深化政务公开促进{F}工作提质增效，注重公开的规范性和实效性，主动接受社会监督，保障人民群众的知情权、参与权、表达权和监督权。",
};

static const char *const sub_active[] = {
	"全年通过门户网站主动公开各类政府信息{N}条，其中政策文件{n}件、政策解读{n}篇、工作动态{N}条。",
	"围绕{F}重点领域，及时发布行政许可、行政处罚等执法信息，执法结果自作出决定之日起七个工作日内上网公开。",
	"对现行有效的规范性文件进行全面梳理，在政府信息公开专栏集中展示，标注文件效力状态，方便群众查询使用。",
	"坚持政策文件与解读材料同步起草、同步审签、同步发布，采用图文、问答等形式解读政策{n}次。",
	"通过政务新媒体发布信息{N}条，开展线上答疑{n}场，及时回应公众关切。",
	"预算、决算和“三公”经费按规定时限向社会公开，细化到功能分类的项级科目。",
	"重大行政决策事项在作出决定前向社会公开征求意见{n}次，意见采纳情况及时反馈。",
	"按照政府信息公开目录的分类，及时更新机构职能、领导分工、内设机构和联系方式等基础信息。",
	"围绕群众关心的{F}热点问题，发布办事指南和常见问题解答，让群众少跑腿、好办事。",
	"规划计划、统计数据和重点项目进展情况按季度更新，接受社会监督。",
	"对涉及企业和群众切身利益的政策文件，在公开的同时注明咨询电话和责任科室。",
	"“双随机、一公开”抽查计划和抽查结果均在规定时间内公开，全年公开抽查结果{n}批次。",
};

static const char *const sub_request_zero[] = {
	"本年度{S}未收到政府信息公开申请，无上年结转的申请。{S}继续保持受理渠道畅通，在政府信息公开指南中载明申请方式和办理流程。",
	"{Y}年未收到公民、法人或其他组织提出的政府信息公开申请。",
};

static const char *const sub_request[] = {
	"全年新收政府信息公开申请{R}件，上年结转{C}件，均在法定期限内作出答复，结转下年度继续办理{K}件。",
	"{Y}年，{S}共新收政府信息公开申请{R}件，加上上年结转的{C}件，除结转下年度继续办理的{K}件外，其余均已依法办结。",
};

static const char *const sub_request_more[] = {
	"进一步规范受理、登记、审核、答复、归档各环节，统一答复文书格式，提高答复的规范性。",
	"对疑难复杂的申请，会同法制机构和业务科室共同研究，依法依规作出答复。",
	"申请人可以通过信函、当面提交和网上平台三种方式提出申请，办理进度可在线查询。",
	"对申请内容不明确的，一次性告知需要补正的事项，帮助申请人准确描述所需信息。",
	"建立依申请公开办理台账，对每件申请的受理时间、答复期限和答复方式逐项登记，实行到期提醒。",
	"对依申请公开中反映出的共性需求，及时评估并转为主动公开。",
};

static const char *const sub_review_zero[] = {
	"全年未发生因政府信息公开引起的行政复议和行政诉讼。",
	"本年度未发生政府信息公开方面的行政复议、行政诉讼案件。",
};

static const char *const sub_review[] = {
	"全年因政府信息公开引发行政复议{X}件、行政诉讼{L}件，{S}认真做好答复和应诉工作。",
};

static const char *const sub_manage[] = {
	"严格执行信息发布保密审查制度，坚持先审查、后公开和一事一审，全年未发生泄密和不当公开问题。",
	"建立公开属性源头认定机制，公文在拟制时即明确主动公开、依申请公开或不予公开，并在发文时一并审核。",
	"定期对已公开的政府信息进行清理，对内容过时、链接失效的信息及时更新或下线。",
	"落实政府信息公开台账管理，逐条登记公开时间、公开渠道和责任科室。",
	"对拟公开的信息实行科室初审、办公室复审、分管领导终审的三级审核。",
	"规范政府信息公开文件的发文字号、成文日期和发布日期等要素，便于检索和引用。",
};

static const char *const sub_platform[] = {
	"依托{W}信息公开专栏，优化栏目设置，调整完善政府信息公开目录。",
	"加强政务新媒体管理，对账号开设、内容发布、日常运维实行统一管理，确保平台安全稳定运行。",
	"在办事大厅设置政府信息查阅点，配备专门人员，为群众现场查阅提供便利。",
	"按要求完成门户网站适老化和无障碍改造，方便老年人和残疾人获取政府信息。",
	"对政务新媒体账号进行全面排查，关停整合更新不及时、无力维护的账号，保留的账号实行清单管理。",
	"网站开设“政策文件”“政策解读”“通知公告”等栏目，栏目内容按要求及时更新。",
};

static const char *const sub_supervise[] = {
	"将政务公开工作纳入年度目标考核，由分管领导牵头、办公室具体负责，形成一级抓一级的工作格局。",
	"组织政务公开专题培训{n}次，参训{N}人次，工作人员的业务能力进一步提升。",
	"本年度未发生因政府信息公开工作不到位而被责任追究的情况。",
	"主动邀请人大代表、政协委员和群众代表对政务公开工作进行评议，收集的意见建议逐项落实。",
	"建立政务公开工作季度检查机制，对发现的问题列出清单，限期整改到位。",
	"明确一名分管负责同志和专职工作人员负责政务公开日常工作，保障必要的工作经费。",
};

static const char *const problems[] = {
	"对照上级要求和群众期待，{S}政府信息公开工作仍有不足：一是部分信息发布不够及时；二是政策解读形式较为单一，图解、视频等方式运用不多；三是工作人员业务水平有待进一步提升。",
	"{Y}年的工作还存在一些薄弱环节，主要是主动公开的深度和广度不够，依申请公开答复的说理性有待加强，基层政务公开标准化规范化建设推进不平衡。",
	"一年来的工作虽有进展，但仍存在信息更新频率不高、栏目内容不够丰富、与公众互动不足等问题。",
	"回顾{Y}年的工作，{S}政府信息公开还存在以下问题：一是主动公开的内容与群众需求对接不够精准，部分栏目信息更新间隔较长；二是政策解读以文字为主，解读深度不够；三是依申请公开答复中个别答复理由阐述不够充分。",
};

static const char *const improvements[] = {
	"{NY}年，{S}将重点做好以下工作：一是健全信息发布工作流程，明确各科室发布时限；二是丰富政策解读方式，提高解读的针对性和可读性；三是加强业务培训，推动政府信息公开工作规范化、标准化。",
	"下一步，{S}将从三个方面加以改进：一是加强学习培训，提高工作人员依法公开的意识和能力；二是强化日常检查，对栏目更新情况每月通报；三是完善依申请公开会商机制，提升答复质量。",
	"针对上述问题，{S}将压实科室责任，建立信息发布提醒和督办机制，拓展公众参与渠道，切实提升政务公开质量和实效。",
	"{NY}年，{S}将以提升公开质量为重点，围绕{F}领域的政策措施和重点工作，做好政策文件的集中公开和动态更新；严格落实政策解读与文件同步发布要求，更多采用图表、短视频等形式解读政策；进一步规范依申请公开办理，加强答复文书的合法性审查，减少因答复不规范引发的争议。",
};

static const char *const other_items_2019[] = {
	"无。",
	"本年度无其他需要报告的事项。",
	"{S}无其他需要报告的事项。",
};

static const char *const other_items_extra[] = {
	"全年办理人大代表建议{n}件、政协委员提案{n}件，均按期办结，办理结果按规定公开。",
	"{S}按照{Y}年政务公开工作要点的要求，逐项分解任务，各项任务均已落实。",
};

static const char *const opening_extra[] = {
	"本年度报告的电子版可在{W}下载。报告中所称“{S}”，均指{A}。",
	"与上一年度相比，本报告所列表格的格式和统计口径保持不变，个别数据的变化原因在正文中作了说明。",
	"本报告中的数据由{SN}各科室、各直属单位提供，经办公室汇总核对后形成。",
};

static const char *const overall_summary[] = {
	"全年共主动公开政府信息{N}条，受理政务服务热线转办件{N}件，按期办结率100%。",
	"全年在门户网站发布信息{N}条，召开新闻发布会{n}场，发布政策解读{n}篇。",
	"截至年底，{S}在政府信息公开专栏累计公开信息{N}条，各类信息均按规定时限发布。",
};

static const char *const problems_extra[] = {
	"此外，个别科室对政务公开工作的重视程度还不够高，存在重业务、轻公开的现象。",
	"同时，政府信息公开与政务服务、政民互动之间的衔接还不够紧密。",
	"从社会评议的情况看，群众对政策解读的通俗性和办事信息的完整性还有更高期待。",
};

static const char *const sub_request_nocarry[] = {
	"全年新收政府信息公开申请{R}件，无上年结转申请，已全部在法定期限内答复完毕。",
	"{Y}年，{S}共收到政府信息公开申请{R}件，均已按期办结。",
};

static const char *const sub_titles[5] = {
	"主动公开政府信息情况", "依申请公开情况", "政府信息管理情况",
	"政府信息公开平台建设情况", "监督保障情况"
};

typedef struct ProseCtx
{
	Report	   *r;
	long long	R,
				C,
				K,
				X,
				L;
	char		addr[128];
	char		zip[16];
	char		tel[32];
} ProseCtx;

static void
expand(ProseCtx *pc, Buf *out, const char *tpl)
{
	Report	   *r = pc->r;
	const char *p = tpl;

	while (*p)
	{
		if (*p == '{')
		{
			const char *e = strchr(p, '}');
			char		key[16];
			size_t		kl;

			if (!e || (kl = (size_t) (e - p - 1)) >= sizeof(key))
			{
				bputn(out, p, 1);
				p++;
				continue;
			}
			memcpy(key, p + 1, kl);
			key[kl] = '\0';
			if (strcmp(key, "Y") == 0)
				bprintf(out, "%d", r->year);
			else if (strcmp(key, "NY") == 0)
				bprintf(out, "%d", r->year + 1);
			else if (strcmp(key, "A") == 0)
				bput(out, r->ag.name);
			else if (strcmp(key, "S") == 0)
				bput(out, r->ag.self);
			else if (strcmp(key, "SN") == 0)
				bput(out, r->ag.shortname);
			else if (strcmp(key, "P") == 0)
				bput(out, r->ag.place);
			else if (strcmp(key, "UP") == 0)
				bput(out, r->ag.up);
			else if (strcmp(key, "F") == 0)
				bput(out, r->ag.field);
			else if (strcmp(key, "W") == 0)
				bput(out, r->ag.website);
			else if (strcmp(key, "D") == 0)
				bput(out, r->tpl_active == 2021 ? "国办公开办函〔2021〕30号" : "国办公开办函〔2019〕60号");
			else if (strcmp(key, "R") == 0)
				bprintf(out, "%lld", pc->R);
			else if (strcmp(key, "C") == 0)
				bprintf(out, "%lld", pc->C);
			else if (strcmp(key, "K") == 0)
				bprintf(out, "%lld", pc->K);
			else if (strcmp(key, "X") == 0)
				bprintf(out, "%lld", pc->X);
			else if (strcmp(key, "L") == 0)
				bprintf(out, "%lld", pc->L);
			else if (strcmp(key, "N") == 0)
				bprintf(out, "%lld", rint_(12, 480));
			else if (strcmp(key, "n") == 0)
				bprintf(out, "%lld", rint_(2, 9));
			else if (strcmp(key, "ADDR") == 0)
				bput(out, pc->addr);
			else if (strcmp(key, "ZIP") == 0)
				bput(out, pc->zip);
			else if (strcmp(key, "TEL") == 0)
				bput(out, pc->tel);
			else
				bputn(out, p, (size_t) (e - p + 1));
			p = e + 1;
		}
		else
		{
			bputn(out, p, 1);
			p++;
		}
	}
}

/* k different sentences of a pool, in a random order */
static void
expand_some(ProseCtx *pc, Buf *b, const char *const *pool, int n, int k)
{
	int			idx[32];

	for (int i = 0; i < n; i++)
		idx[i] = i;
	for (int i = n - 1; i > 0; i--)
	{
		int			j = (int) (rnd() % (uint64_t) (i + 1));
		int			t = idx[i];

		idx[i] = idx[j];
		idx[j] = t;
	}
	for (int i = 0; i < k && i < n; i++)
		expand(pc, b, pool[idx[i]]);
}

static char *
prose(ProseCtx *pc, const char *tpl)
{
	Buf			b = {0};
	char	   *s;

	expand(pc, &b, tpl);
	s = pstrdup(b.p ? b.p : "");
	free(b.p);
	return s;
}

/* ------------------------------------------------------------------------
 * The document: blocks of text and tables (a grid with spans)
 * ------------------------------------------------------------------------ */

#define GMAXR 40
#define GMAXC 16

typedef struct GCell
{
	const char *text;			/* "\n" marks a line break inside the cell */
	int			rs,
				cs;
	int			col;			/* set by grid_layout */
	bool		value;
} GCell;

typedef struct Grid
{
	int			nrows,
				ncols;
	int			ncells[GMAXR];
	GCell		cells[GMAXR][GMAXC];
	int			cover[GMAXR][GMAXC];	/* -1 free, else index*GMAXC... see grid_layout */
	bool		spaced_values[GMAXR];	/* run-together layout keeps spaces here */
	int			kind;			/* 2 表二, 3 表三, 4 表四 */
} Grid;

enum
{
	B_TITLE, B_HEADING, B_SUBHEAD, B_PARA, B_TABLE, B_CLOSING
};

typedef struct Block
{
	int			kind;
	const char *text;			/* lines separated by "\n" for TITLE/CLOSING */
	Grid	   *grid;
} Block;

#define MAXBLOCKS 80
typedef struct Doc
{
	int			n;
	Block		b[MAXBLOCKS];
	Grid		grids[3];
} Doc;

static void
doc_add(Doc *d, int kind, const char *text, Grid *g)
{
	if (d->n == MAXBLOCKS)
		return;
	d->b[d->n].kind = kind;
	d->b[d->n].text = text;
	d->b[d->n].grid = g;
	d->n++;
}

static void
grow(Grid *g)
{
	g->ncells[g->nrows] = 0;
	g->spaced_values[g->nrows] = false;
	g->nrows++;
}

static void
gcell(Grid *g, const char *text, int rs, int cs, bool value)
{
	int			row = g->nrows - 1;
	GCell	   *c = &g->cells[row][g->ncells[row]++];

	c->text = text;
	c->rs = rs;
	c->cs = cs;
	c->value = value;
}

/* place cells into columns, left to right around cells spanning from above */
static void
grid_layout(Grid *g)
{
	for (int r = 0; r < g->nrows; r++)
		for (int c = 0; c < GMAXC; c++)
			g->cover[r][c] = -1;
	for (int r = 0; r < g->nrows; r++)
	{
		int			col = 0;

		for (int i = 0; i < g->ncells[r]; i++)
		{
			GCell	   *c = &g->cells[r][i];

			while (col < GMAXC && g->cover[r][col] != -1)
				col++;
			c->col = col;
			for (int rr = r; rr < r + c->rs && rr < GMAXR; rr++)
				for (int cc = col; cc < col + c->cs && cc < GMAXC; cc++)
					g->cover[rr][cc] = rr == r ? -2 : r * GMAXC + i;
			col += c->cs;
		}
	}
}

/* is (r, col) the top-left corner column of a cell spanning down from above? */
static const GCell *
spanned_from_above(const Grid *g, int r, int col)
{
	int			v = g->cover[r][col];
	const GCell *c;

	if (v < 0)
		return NULL;
	c = &g->cells[v / GMAXC][v % GMAXC];
	return c->col == col ? c : NULL;
}

static const char *
cell_text(Report *r, Cell *c)
{
	return pstrdup(c->txt);
}

static const char *
hbreak(Report *r, const char *a, const char *b)
{
	/* a header that Word or a PDF broke over two lines */
	if (r->broken_heads)
		return pprintf("%s\n%s", a, b);
	return pprintf("%s%s", a, b);
}

static void
build_active(Report *r, Grid *g)
{
	const char *label_rules = r->variants && chance(50) ? "规    章" : "规章";

	g->kind = 2;
	g->ncols = 4;
	if (r->tpl_active == 2019)
	{
		static const int rows5[] = {A_LICENSING, A_OTHER_SERVICES};
		static const int rows6[] = {A_PENALTIES, A_COERCION};

		grow(g);
		gcell(g, r->numbering == 1 ? "第二十条第(一)项" : "第二十条第（一）项", 1, 4, false);
		grow(g);
		gcell(g, "信息内容", 1, 1, false);
		gcell(g, hbreak(r, "本年新", "制作数量"), 1, 1, false);
		gcell(g, hbreak(r, "本年新", "公开数量"), 1, 1, false);
		gcell(g, "对外公开总数量", 1, 1, false);
		for (int row = A_RULES; row <= A_NORMATIVE; row++)
		{
			grow(g);
			gcell(g, row == A_RULES ? label_rules : "规范性文件", 1, 1, false);
			for (int c = 0; c < 3; c++)
				gcell(g, cell_text(r, &r->act[row][c]), 1, 1, true);
		}
		for (int blk = 0; blk < 2; blk++)
		{
			const int  *rows = blk == 0 ? rows5 : rows6;

			grow(g);
			gcell(g, blk == 0 ? (r->numbering == 1 ? "第二十条第(五)项" : "第二十条第（五）项")
				  : (r->numbering == 1 ? "第二十条第(六)项" : "第二十条第（六）项"), 1, 4, false);
			grow(g);
			gcell(g, "信息内容", 1, 1, false);
			gcell(g, "上一年项目数量", 1, 1, false);
			gcell(g, "本年增/减", 1, 1, false);
			gcell(g, "处理决定数量", 1, 1, false);
			for (int k = 0; k < 2; k++)
			{
				static const char *const lab[] = {"行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"};

				grow(g);
				gcell(g, lab[blk * 2 + k], 1, 1, false);
				for (int c = 0; c < 3; c++)
					gcell(g, cell_text(r, &r->act[rows[k]][c]), 1, 1, true);
			}
		}
		grow(g);
		gcell(g, r->numbering == 1 ? "第二十条第(八)项" : "第二十条第（八）项", 1, 4, false);
		grow(g);
		gcell(g, "信息内容", 1, 1, false);
		gcell(g, "上一年项目数量", 1, 1, false);
		gcell(g, "本年增/减", 1, 2, false);
		grow(g);
		gcell(g, "行政事业性收费", 1, 1, false);
		gcell(g, cell_text(r, &r->act[A_FEES][0]), 1, 1, true);
		gcell(g, cell_text(r, &r->act[A_FEES][1]), 1, 2, true);
		grow(g);
		gcell(g, r->numbering == 1 ? "第二十条第(九)项" : "第二十条第（九）项", 1, 4, false);
		grow(g);
		gcell(g, "信息内容", 1, 1, false);
		gcell(g, "采购项目数量", 1, 1, false);
		gcell(g, r->amount_header_unit == 1 ? "采购总金额（元）"
			  : r->amount_header_unit == 2 ? "采购总金额（万元）" : "采购总金额", 1, 2, false);
		grow(g);
		gcell(g, "政府集中采购", 1, 1, false);
		gcell(g, cell_text(r, &r->act[A_PROCUREMENT][0]), 1, 1, true);
		gcell(g, cell_text(r, &r->act[A_PROCUREMENT][1]), 1, 2, true);
	}
	else
	{
		static const char *const items[] = {"（一）", "（五）", "（六）", "（八）"};

		for (int blk = 0; blk < 4; blk++)
		{
			grow(g);
			gcell(g, pprintf("第二十条第%s项", items[blk]), 1, 4, false);
			grow(g);
			gcell(g, "信息内容", 1, 1, false);
			if (blk == 0)
			{
				gcell(g, "本年制发件数", 1, 1, false);
				gcell(g, "本年废止件数", 1, 1, false);
				gcell(g, "现行有效件数", 1, 1, false);
				for (int row = A_RULES; row <= A_NORMATIVE; row++)
				{
					grow(g);
					gcell(g, row == A_RULES ? label_rules
						  : (r->variants && chance(40) ? "规范性文件" : "行政规范性文件"), 1, 1, false);
					for (int c = 0; c < 3; c++)
						gcell(g, cell_text(r, &r->act[row][c]), 1, 1, true);
				}
			}
			else if (blk == 3)
			{
				gcell(g, "本年收费金额（单位：万元）", 1, 3, false);
				grow(g);
				gcell(g, "行政事业性收费", 1, 1, false);
				gcell(g, cell_text(r, &r->act[A_FEES][0]), 1, 3, true);
			}
			else
			{
				gcell(g, "本年处理决定数量", 1, 3, false);
				if (blk == 1)
				{
					grow(g);
					gcell(g, "行政许可", 1, 1, false);
					gcell(g, cell_text(r, &r->act[A_LICENSING][0]), 1, 3, true);
				}
				else
				{
					grow(g);
					gcell(g, "行政处罚", 1, 1, false);
					gcell(g, cell_text(r, &r->act[A_PENALTIES][0]), 1, 3, true);
					grow(g);
					gcell(g, "行政强制", 1, 1, false);
					gcell(g, cell_text(r, &r->act[A_COERCION][0]), 1, 3, true);
				}
			}
		}
	}
	grid_layout(g);
}

/* （一） in the numbering style of this report */
static const char *
paren_no(Report *r, int k)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七"};
	static const char *const circled[] = {"㈠", "㈡", "㈢", "㈣", "㈤", "㈥", "㈦"};
	static const char *const parenth[] = {"⑴", "⑵", "⑶", "⑷", "⑸", "⑹", "⑺"};

	switch (r->numbering)
	{
		case 1:
			return pprintf("(%s)", cn[k]);
		case 2:
			return circled[k];
		case 3:
			return parenth[k];
		default:
			return pprintf("（%s）", cn[k]);
	}
}

static void
req_values(Report *r, Grid *g, int row)
{
	for (int c = 0; c < 7; c++)
		gcell(g, cell_text(r, &r->req[row][c]), 1, 1, true);
}

static void
build_requests(Report *r, Grid *g)
{
	int			nother = r->tpl_requests == 2021 ? 3 : 1;
	int			nres = 2 + 8 + 3 + 5 + nother + 1;
	const char *vlabel = r->vertical ? "三\n、\n本\n年\n度\n办\n理\n结\n果" : "三、本年度办理结果";

	g->kind = 3;
	g->ncols = 10;
	grow(g);
	gcell(g, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3, false);
	gcell(g, "申请人情况", 1, 7, false);
	grow(g);
	gcell(g, r->broken_heads ? "自\n然人" : "自然人", 2, 1, false);
	gcell(g, "法人或其他组织", 1, 5, false);
	gcell(g, "总计", 2, 1, false);
	grow(g);
	gcell(g, hbreak(r, "商业", "企业"), 1, 1, false);
	gcell(g, hbreak(r, "科研", "机构"), 1, 1, false);
	gcell(g, hbreak(r, "社会公益", "组织"), 1, 1, false);
	gcell(g, hbreak(r, "法律服务", "机构"), 1, 1, false);
	gcell(g, "其他", 1, 1, false);

	grow(g);
	gcell(g, "一、本年新收政府信息公开申请数量", 1, 3, false);
	req_values(r, g, R_RECEIVED);
	grow(g);
	gcell(g, "二、上年结转政府信息公开申请数量", 1, 3, false);
	req_values(r, g, R_CARRIED_OVER);

	grow(g);
	gcell(g, vlabel, nres, 1, false);
	gcell(g, pprintf("%s予以公开", paren_no(r, 0)), 1, 2, false);
	req_values(r, g, R_GRANTED);
	grow(g);
	gcell(g, pprintf("%s部分公开（区分处理的，只计这一情形，不计其他情形）", paren_no(r, 1)), 1, 2, false);
	req_values(r, g, R_PARTIAL);
	{
		static const struct
		{
			int			first,
						n,
						k;
			const char *name;
		}			groups[] = {
			{R_DENIED_SECRET, 8, 2, "不予公开"},
			{R_UNAV_NOT_HELD, 3, 3, "无法提供"},
			{R_REJ_COMPLAINT, 5, 4, "不予处理"},
		};

		for (int gi = 0; gi < 3; gi++)
			for (int i = 0; i < groups[gi].n; i++)
			{
				grow(g);
				if (i == 0)
					gcell(g, pprintf("%s%s", paren_no(r, groups[gi].k), groups[gi].name), groups[gi].n, 1, false);
				gcell(g, request_item_labels[groups[gi].first + i], 1, 1, false);
				req_values(r, g, groups[gi].first + i);
			}
	}
	if (r->tpl_requests == 2021)
	{
		for (int i = 0; i < 3; i++)
		{
			grow(g);
			if (i == 0)
				gcell(g, pprintf("%s其他处理", paren_no(r, 5)), 3, 1, false);
			gcell(g, request_item_labels[R_OTHER_NO_CORRECTION + i], 1, 1, false);
			req_values(r, g, R_OTHER_NO_CORRECTION + i);
		}
	}
	else
	{
		grow(g);
		gcell(g, pprintf("%s其他处理", paren_no(r, 5)), 1, 2, false);
		req_values(r, g, R_OTHER_HANDLING);
	}
	grow(g);
	gcell(g, pprintf("%s总计", paren_no(r, 6)), 1, 2, false);
	req_values(r, g, R_TOTAL);
	grow(g);
	gcell(g, "四、结转下年度继续办理", 1, 3, false);
	req_values(r, g, R_CARRIED_FORWARD);
	grid_layout(g);
}

static void
build_review(Report *r, Grid *g)
{
	const char *upheld = "结果维持";
	static const char *const heads[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

	g->kind = 4;
	g->ncols = 15;
	grow(g);
	gcell(g, "行政复议", 1, 5, false);
	gcell(g, "行政诉讼", 1, 10, false);
	grow(g);
	for (int i = 0; i < 5; i++)
		gcell(g, r->broken_heads && i < 4 ? pprintf("%.6s\n%s", heads[i], heads[i] + 6) : heads[i], 2, 1, false);
	gcell(g, "未经复议直接起诉", 1, 5, false);
	gcell(g, "复议后起诉", 1, 5, false);
	grow(g);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < 5; i++)
		{
			const char *h = i == 0 ? upheld : heads[i];

			/* a typo seen in the wild */
			if (i == 0 && r->variants && k == 1)
				h = "结果维护";
			gcell(g, r->broken_heads && i < 4 ? pprintf("%.6s\n%s", h, h + 6) : h, 1, 1, false);
		}
	grow(g);
	g->spaced_values[g->nrows - 1] = true;
	for (int row = 0; row < V_NROWS; row++)
		for (int c = 0; c < 5; c++)
			gcell(g, cell_text(r, &r->rev[row][c]), 1, 1, true);
	grid_layout(g);
}

/* part and sub-part headings in this report's style */
static const char *
part_heading(Report *r, int no)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六"};
	static const char *const titles[] = {
		"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
		"政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"
	};
	const char *t = titles[no - 1];

	if (no == 5 && r->variants)
		t = "政府信息公开工作存在的主要问题及改进情况";
	if (r->headings == 1)
		return pprintf("%d、%s", no, t);
	return pprintf("%s、%s", cn[no - 1], t);
}

static void
fee_sentence(ProseCtx *pc, Buf *b)
{
	Report	   *r = pc->r;

	switch (r->fee_style)
	{
		case 1:
			bprintf(b, "%d年，%s未收取政府信息公开信息处理费。", r->year, r->ag.self);
			break;
		case 2:
			bprintf(b, "本年度%s依申请提供政府信息，未发生收取信息处理费的情况。", r->ag.self);
			break;
		case 3:
			bprintf(b, "%d年，%s严格执行《政府信息公开信息处理费管理办法》，全年收取信息处理费0元。", r->year, r->ag.self);
			break;
		case 4:
			bprintf(b, "依照《政府信息公开信息处理费管理办法》，本年度%s收取信息处理费%lld件，金额共计%lld元。", r->ag.self, r->fee_cases, r->fee_amount);
			break;
		case 5:
			bprintf(b, "%d年，%s按标准收取信息处理费%lld元，已全额上缴国库。", r->year, r->ag.self, r->fee_amount);
			break;
		default:
			break;
	}
}

static void
build_doc(Report *r, Doc *d)
{
	ProseCtx	pc;
	Buf			b = {0};
	int			nsub;

	memset(d, 0, sizeof(*d));
	memset(&pc, 0, sizeof(pc));
	pc.r = r;
	pc.R = r->req[R_RECEIVED][6].v;
	pc.C = r->req[R_CARRIED_OVER][6].v;
	pc.K = r->req[R_CARRIED_FORWARD][6].v;
	if (r->breaks & BRK_PROSE)
		pc.R += 3;
	pc.X = r->rev[V_RECONSIDERATION][4].v;
	pc.L = r->rev[V_LIT_DIRECT][4].v + r->rev[V_LIT_AFTER][4].v;
	/* one random draw per statement: argument order is unspecified */
	{
		const char *road = PICK(roads);
		long long	no = rint_(1, 188);

		snprintf(pc.addr, sizeof(pc.addr), "%s%s%lld号", r->ag.place, road, no);
	}
	snprintf(pc.zip, sizeof(pc.zip), "%lld", rint_(100000, 859999));
	{
		long long	area = rint_(310, 999);
		long long	no = rint_(2000000, 8999999);

		snprintf(pc.tel, sizeof(pc.tel), "0%lld-%lld", area, no);
	}

	/* title */
	if (chance(50))
		doc_add(d, B_TITLE, pprintf("%s\n%d年政府信息公开工作年度报告", r->ag.name, r->year), NULL);
	else
		doc_add(d, B_TITLE, pprintf("%s%d年%s政府信息公开工作年度报告", r->ag.name, r->year,
									chance(30) ? "度" : ""), NULL);
	breset(&b);
	expand(&pc, &b, PICK(opening));
	if (chance(60))
		expand(&pc, &b, PICK(opening_extra));
	doc_add(d, B_PARA, pstrdup(b.p), NULL);

	/* 一、总体情况 */
	doc_add(d, B_HEADING, part_heading(r, 1), NULL);
	breset(&b);
	expand(&pc, &b, PICK(overall_intro));
	expand(&pc, &b, PICK(overall_summary));
	doc_add(d, B_PARA, pstrdup(b.p), NULL);
	nsub = 5;
	for (int k = 0; k < nsub; k++)
	{
		bool		inline_head = chance(50);
		const char *head = pprintf("%s%s", paren_no(r, k), sub_titles[k]);

		breset(&b);
		if (!inline_head)
			doc_add(d, B_SUBHEAD, head, NULL);
		else
			bprintf(&b, "%s。", head);
		switch (k)
		{
			case 0:
				expand_some(&pc, &b, sub_active, LEN(sub_active), (int) rint_(3, 5));
				break;
			case 1:
				if (pc.R == 0 && pc.C == 0 && !(r->breaks & BRK_PROSE))
					expand(&pc, &b, PICK(sub_request_zero));
				else
				{
					if (pc.C == 0 && pc.K == 0)
						expand(&pc, &b, PICK(sub_request_nocarry));
					else
						expand(&pc, &b, PICK(sub_request));
					expand_some(&pc, &b, sub_request_more, LEN(sub_request_more), (int) rint_(2, 3));
				}
				if (!r->blank_review)
					expand(&pc, &b, pc.X == 0 && pc.L == 0 ? PICK(sub_review_zero) : PICK(sub_review));
				break;
			case 2:
				expand_some(&pc, &b, sub_manage, LEN(sub_manage), (int) rint_(2, 4));
				break;
			case 3:
				expand_some(&pc, &b, sub_platform, LEN(sub_platform), (int) rint_(2, 4));
				break;
			default:
				expand_some(&pc, &b, sub_supervise, LEN(sub_supervise), (int) rint_(2, 4));
				break;
		}
		doc_add(d, B_PARA, pstrdup(b.p), NULL);
	}

	doc_add(d, B_HEADING, part_heading(r, 2), NULL);
	build_active(r, &d->grids[0]);
	doc_add(d, B_TABLE, NULL, &d->grids[0]);
	doc_add(d, B_HEADING, part_heading(r, 3), NULL);
	build_requests(r, &d->grids[1]);
	doc_add(d, B_TABLE, NULL, &d->grids[1]);
	doc_add(d, B_HEADING, part_heading(r, 4), NULL);
	build_review(r, &d->grids[2]);
	doc_add(d, B_TABLE, NULL, &d->grids[2]);

	doc_add(d, B_HEADING, part_heading(r, 5), NULL);
	if (chance(40))
		doc_add(d, B_SUBHEAD, pprintf("%s存在的主要问题", paren_no(r, 0)), NULL);
	breset(&b);
	expand(&pc, &b, PICK(problems));
	if (chance(70))
		expand(&pc, &b, PICK(problems_extra));
	doc_add(d, B_PARA, pstrdup(b.p), NULL);
	if (chance(40))
		doc_add(d, B_SUBHEAD, pprintf("%s改进措施", paren_no(r, 1)), NULL);
	{
		int			first = (int) rint_(0, LEN(improvements) - 1);

		doc_add(d, B_PARA, prose(&pc, improvements[first]), NULL);
		if (chance(50))
			doc_add(d, B_PARA, prose(&pc, improvements[(first + 1) % LEN(improvements)]), NULL);
	}

	doc_add(d, B_HEADING, part_heading(r, 6), NULL);
	breset(&b);
	if (r->fee_stated)
	{
		fee_sentence(&pc, &b);
		if (chance(50))
			expand(&pc, &b, PICK(other_items_extra));
	}
	else
		expand(&pc, &b, PICK(other_items_2019));
	doc_add(d, B_PARA, pstrdup(b.p), NULL);

	if (r->closing)
		doc_add(d, B_CLOSING, pprintf("%s\n%d年%d月%d日", r->ag.name, r->year + 1, r->pub_month, r->pub_day), NULL);
	free(b.p);
}

/* ------------------------------------------------------------------------
 * Layouts
 * ------------------------------------------------------------------------ */

/* replace every occurrence of from by to */
static void
replace_all(Buf *b, const char *from, const char *to)
{
	Buf			o = {0};
	size_t		fl = strlen(from);
	const char *p = b->p,
			   *q;

	if (!p)
		return;
	while ((q = strstr(p, from)) != NULL)
	{
		bputn(&o, p, (size_t) (q - p));
		bput(&o, to);
		p = q + fl;
	}
	bput(&o, p);
	free(b->p);
	*b = o;
}

/* text with its "\n" breaks joined by sep */
static void
put_joined(Buf *out, const char *text, const char *sep)
{
	for (const char *p = text; *p; p++)
	{
		if (*p == '\n')
			bput(out, sep);
		else
			bputn(out, p, 1);
	}
}

static void
render_word(Report *r, Doc *d, Buf *out)
{
	for (int i = 0; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];

		switch (bl->kind)
		{
			case B_TITLE:
				put_joined(out, bl->text, "\n\n");
				bput(out, "\n\n");
				break;
			case B_HEADING:
			case B_SUBHEAD:
				bprintf(out, "%s\n", bl->text);
				break;
			case B_PARA:
				bprintf(out, "%s\n%s", bl->text, chance(40) ? "\n" : "");
				break;
			case B_CLOSING:
				bprintf(out, "\n%s\n", bl->text);
				break;
			case B_TABLE:
				{
					Grid	   *g = bl->grid;

					for (int row = 0; row < g->nrows; row++)
					{
						int			next = 0;

						for (int col = 0; col < g->ncols;)
						{
							const GCell *c = NULL;

							if (next < g->ncells[row] && g->cells[row][next].col == col)
								c = &g->cells[row][next++];
							if (c)
							{
								bprintf(out, "\t%s\n", c->text);
								col += c->cs;
							}
							else if ((c = spanned_from_above(g, row, col)) != NULL)
							{
								bput(out, "\t\n");
								col += c->cs;
							}
							else
								col++;
						}
						bput(out, "\n");
					}
					bput(out, "\n");
					break;
				}
		}
	}
}

static void
render_pipe(Report *r, Doc *d, Buf *out)
{
	if (r->crawler)
	{
		long long	hour = rint_(8, 18);
		long long	minute = rint_(0, 59);

		bprintf(out, "发布时间:\n%d-%02d-%02d %02lld:%02lld\n信息来源:\n%s人民政府\n",
				r->year + 1, r->pub_month, r->pub_day + r->crawl_day, hour, minute, r->ag.place);
	}
	for (int i = 0; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];

		switch (bl->kind)
		{
			case B_TITLE:
			case B_HEADING:
			case B_SUBHEAD:
			case B_PARA:
				put_joined(out, bl->text, "");
				bput(out, "\n");
				break;
			case B_CLOSING:
				bput(out, " \n");
				put_joined(out, bl->text, "\n");
				bput(out, "\n\n\n");
				break;
			case B_TABLE:
				{
					Grid	   *g = bl->grid;
					int			width = g->ncols + (chance(50) ? 1 : 0);

					for (int row = 0; row < g->nrows; row++)
					{
						int			used = 0;

						bput(out, "| ");
						for (int k = 0; k < g->ncells[row]; k++)
						{
							bput(out, "\n ");
							put_joined(out, g->cells[row][k].text, " ");
							bput(out, "  | ");
							used++;
						}
						/* merged and spanned cells come out as empty cells at the end */
						for (int k = used; k < width; k++)
							bput(out, "|");
						bput(out, "\n");
					}
					break;
				}
		}
	}
}

static void
html_escape(Buf *out, const char *s, const char *br)
{
	for (const char *p = s; *p; p++)
	{
		if (*p == '&')
			bput(out, "&amp;");
		else if (*p == '<')
			bput(out, "&lt;");
		else if (*p == '>')
			bput(out, "&gt;");
		else if (*p == '\n')
			bput(out, br);
		else
			bputn(out, p, 1);
	}
}

static void
render_html(Report *r, Doc *d, Buf *out)
{
	const char *title = d->b[0].text;

	bput(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
	html_escape(out, title, "");
	bprintf(out, "-%s</title></head>\n<body>\n", r->ag.website);
	bput(out, "<div class=\"article\">\n<h1>");
	html_escape(out, title, "");
	bput(out, "</h1>\n");
	if (r->crawler)
		bprintf(out, "<div class=\"info\">发布日期：%d-%02d-%02d&nbsp;&nbsp;来源：%s</div>\n",
				r->year + 1, r->pub_month, r->pub_day + r->crawl_day, r->ag.name);
	bput(out, "<div id=\"zoom\">\n");
	for (int i = 1; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];

		switch (bl->kind)
		{
			case B_TITLE:
				break;
			case B_HEADING:
				bput(out, "<p><strong>");
				html_escape(out, bl->text, "");
				bput(out, "</strong></p>\n");
				break;
			case B_SUBHEAD:
				bput(out, r->html_nbsp ? "<p>&nbsp;&nbsp;&nbsp;&nbsp;" : "<p>　　");
				html_escape(out, bl->text, "");
				bput(out, "</p>\n");
				break;
			case B_PARA:
				bput(out, r->html_nbsp ? "<p>&nbsp;&nbsp;&nbsp;&nbsp;" : "<p>　　");
				html_escape(out, bl->text, "");
				bput(out, "</p>\n");
				break;
			case B_CLOSING:
				bput(out, "<p style=\"text-align:right\">");
				html_escape(out, bl->text, "</p>\n<p style=\"text-align:right\">");
				bput(out, "</p>\n");
				break;
			case B_TABLE:
				{
					Grid	   *g = bl->grid;

					bput(out, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">\n<tbody>\n");
					for (int row = 0; row < g->nrows; row++)
					{
						bput(out, "<tr>");
						for (int k = 0; k < g->ncells[row]; k++)
						{
							const GCell *c = &g->cells[row][k];

							bput(out, "<td");
							if (c->rs > 1)
								bprintf(out, " rowspan=\"%d\"", c->rs);
							if (c->cs > 1)
								bprintf(out, " colspan=\"%d\"", c->cs);
							bput(out, ">");
							if (c->text[0] == '\0')
							{
								if (r->html_nbsp)
									bput(out, "&nbsp;");
							}
							else if (strchr(c->text, ' '))
							{
								/* inner spaces of a label survive as &nbsp; */
								for (const char *p = c->text; *p; p++)
									if (*p == ' ')
										bput(out, "&nbsp;");
									else
										bputn(out, p, 1);
							}
							else
								html_escape(out, c->text, r->broken_heads ? "<br/>" : "");
							bput(out, "</td>");
						}
						bput(out, "</tr>\n");
					}
					bput(out, "</tbody>\n</table>\n");
					break;
				}
		}
	}
	bput(out, "</div>\n</div>\n</body></html>\n");
}

/* --- pdftotext -layout --- */

typedef struct Lines
{
	int			n,
				max;
	char	  **l;
} Lines;

static void
lines_add(Lines *ls, const char *s)
{
	if (ls->n == ls->max)
	{
		ls->max = ls->max ? ls->max * 2 : 256;
		ls->l = realloc(ls->l, sizeof(char *) * (size_t) ls->max);
	}
	ls->l[ls->n++] = xstrdup(s);
}

static void
lines_free(Lines *ls)
{
	for (int i = 0; i < ls->n; i++)
		free(ls->l[i]);
	free(ls->l);
	memset(ls, 0, sizeof(*ls));
}

/* split text into chunks of at most width display columns (and at "\n") */
static int
wrap_text(const char *text, int width, char out[][256], int maxout)
{
	int			n = 0;
	const char *p = text;

	while (*p && n < maxout)
	{
		int			w = 0;
		size_t		o = 0;

		while (*p && *p != '\n')
		{
			int			cl = u8len((unsigned char) *p);
			int			cw = cl == 1 ? 1 : 2;

			if (w + cw > width && w > 0)
			{
				/*
				 * Typesetting keeps a number whole and never starts a line
				 * with closing punctuation: let the line run over instead.
				 */
				bool		in_number = cl == 1 && isalnum((unsigned char) *p) && o > 0 &&
					isalnum((unsigned char) out[n][o - 1]);
				bool		closing = strncmp(p, "，", 3) == 0 || strncmp(p, "。", 3) == 0 ||
					strncmp(p, "、", 3) == 0 || strncmp(p, "；", 3) == 0 ||
					strncmp(p, "：", 3) == 0 || strncmp(p, "）", 3) == 0 ||
					strncmp(p, "”", 3) == 0 || strncmp(p, "〕", 3) == 0;

				if (!(in_number || closing) || w > width + 12)
					break;
			}
			if (o + (size_t) cl + 1 >= 256)
				break;
			memcpy(out[n] + o, p, (size_t) cl);
			o += (size_t) cl;
			w += cw;
			p += cl;
		}
		out[n][o] = '\0';
		n++;
		if (*p == '\n')
			p++;
		while (*p == ' ')
			p++;
	}
	if (n == 0)
	{
		out[0][0] = '\0';
		n = 1;
	}
	return n;
}

typedef struct Placed
{
	int			x;
	const char *s;
} Placed;

/* one output line from pieces placed at display columns */
static void
place_line(Buf *line, Placed *pl, int n)
{
	int			w = 0;

	breset(line);
	/* sort by x (few pieces: insertion sort) */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && pl[j].x < pl[j - 1].x; j--)
		{
			Placed		t = pl[j];

			pl[j] = pl[j - 1];
			pl[j - 1] = t;
		}
	for (int i = 0; i < n; i++)
	{
		if (pl[i].s[0] == '\0')
			continue;
		if (w < pl[i].x)
		{
			while (w < pl[i].x)
			{
				bput(line, " ");
				w++;
			}
		}
		else if (w > 0)
		{
			bput(line, " ");
			w++;
		}
		bput(line, pl[i].s);
		w += dwidth(pl[i].s);
	}
}

static void
pdf_table(Report *r, Grid *g, Lines *ls)
{
	int			colx[GMAXC + 1];
	int			colw[GMAXC];
	bool		gap = chance(60);
	Buf			line = {0};

	for (int c = 0; c < g->ncols; c++)
	{
		if (g->kind == 2)
			colw[c] = c == 0 ? 22 : 16;
		else if (g->kind == 3)
			colw[c] = c == 0 ? 10 : c == 1 ? 16 : c == 2 ? 28 : 7;
		else
			colw[c] = 6;
	}
	colx[0] = g->kind == 4 ? 1 : 0;
	for (int c = 0; c < g->ncols; c++)
		colx[c + 1] = colx[c] + colw[c];

	for (int row = 0; row < g->nrows; row++)
	{
		char		chunks[GMAXC * 2][12][256];
		int			nch[GMAXC * 2];
		int			xs[GMAXC * 2];
		bool		right[GMAXC * 2];
		int			np = 0,
					height = 1;

		/* cells that start here, and spanning cells whose middle row this is */
		for (int rr = 0; rr <= row; rr++)
			for (int k = 0; k < g->ncells[rr]; k++)
			{
				const GCell *c = &g->cells[rr][k];
				int			span_w,
							mid;

				if (rr + c->rs <= row)
					continue;
				mid = rr + (c->rs - 1) / 2;
				if (c->rs > 1 && g->kind == 3 ? mid != row : rr != row)
					continue;
				span_w = colx[c->col + c->cs] - colx[c->col] - 2;
				if (c->value)
				{
					snprintf(chunks[np][0], 256, "%s", c->text);
					nch[np] = 1;
					right[np] = true;
					xs[np] = colx[c->col + c->cs] - 2 - dwidth(c->text);
					/* a figure wider than its column must not pass its neighbour */
					if (xs[np] < colx[c->col])
						xs[np] = colx[c->col];
				}
				else
				{
					nch[np] = wrap_text(c->text, span_w < 4 ? 4 : span_w, chunks[np], 12);
					right[np] = false;
					xs[np] = colx[c->col] + (c->cs > 3 && g->kind != 3 ? (span_w - dwidth(c->text)) / 2 : 0);
					if (xs[np] < colx[c->col])
						xs[np] = colx[c->col];
				}
				if (nch[np] > height)
					height = nch[np];
				np++;
			}
		for (int li = 0; li < height; li++)
		{
			Placed		pl[GMAXC * 2];
			int			n = 0;

			for (int k = 0; k < np; k++)
			{
				/* values sit on the label's first line */
				if (li < nch[k])
				{
					pl[n].x = right[k] ? xs[k] : xs[k];
					pl[n].s = chunks[k][li];
					n++;
				}
			}
			place_line(&line, pl, n);
			lines_add(ls, line.p ? line.p : "");
		}
		if (gap)
			lines_add(ls, "");
	}
	lines_add(ls, "");
	free(line.p);
}

/* pdftotext puts a space between CJK and digits in many PDFs */
static void
pdf_spacing(const char *text, Buf *sp)
{
	for (const char *p = text; *p;)
	{
		int			cl = u8len((unsigned char) *p);
		bool		ascii = cl == 1 && isalnum((unsigned char) *p);

		if (ascii)
		{
			const char *q = p;

			while (*q && (unsigned char) *q < 0x80 && (isalnum((unsigned char) *q) || *q == '.' || *q == '-'))
				q++;
			if (sp->len > 0 && (unsigned char) sp->p[sp->len - 1] >= 0x80)
				bput(sp, " ");
			bputn(sp, p, (size_t) (q - p));
			if (*q && (unsigned char) *q >= 0x80 && strncmp(q, "，", 3) != 0 &&
				strncmp(q, "。", 3) != 0 && strncmp(q, "、", 3) != 0 &&
				strncmp(q, "；", 3) != 0 && strncmp(q, "）", 3) != 0)
				bput(sp, " ");
			p = q;
		}
		else
		{
			bputn(sp, p, (size_t) cl);
			p += cl;
		}
	}
	if (!sp->p)
		bput(sp, "");
}

/* prose as a PDF shows it: wrapped, spaces around Latin runs */
static void
pdf_para(const char *text, int indent, Lines *ls)
{
	Buf			sp = {0};
	char		chunks[64][256];
	int			n;
	Buf			line = {0};

	pdf_spacing(text, &sp);
	n = wrap_text(sp.p ? sp.p : "", 60 - indent, chunks, 64);
	for (int i = 0; i < n; i++)
	{
		breset(&line);
		if (i == 0)
			for (int k = 0; k < indent; k++)
				bput(&line, " ");
		bput(&line, chunks[i]);
		lines_add(ls, line.p);
	}
	free(sp.p);
	free(line.p);
}

static void
render_pdflayout(Report *r, Doc *d, Buf *out)
{
	Lines		ls = {0};
	int			page = 1,
				perpage = (int) rint_(40, 48);

	for (int i = 0; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];

		switch (bl->kind)
		{
			case B_TITLE:
				{
					char		ch[4][256];
					int			n = wrap_text(bl->text, 60, ch, 4);

					for (int k = 0; k < n; k++)
					{
						Buf			t = {0},
									sp = {0};

						pdf_spacing(ch[k], &sp);
						bprintf(&t, "%*s%s", k == 0 ? 9 : 4, "", sp.p);
						lines_add(&ls, t.p);
						free(t.p);
						free(sp.p);
					}
					lines_add(&ls, "");
					break;
				}
			case B_HEADING:
			case B_SUBHEAD:
				{
					Buf			t = {0};

					bprintf(&t, "  %s", bl->text);
					lines_add(&ls, t.p);
					free(t.p);
					break;
				}
			case B_PARA:
				pdf_para(bl->text, 2, &ls);
				break;
			case B_CLOSING:
				{
					char		ch[4][256];
					int			n = wrap_text(bl->text, 60, ch, 4);

					lines_add(&ls, "");
					for (int k = 0; k < n; k++)
					{
						Buf			t = {0},
									sp = {0};

						pdf_spacing(ch[k], &sp);
						bprintf(&t, "%*s", 34, "");
						bput(&t, sp.p);
						free(sp.p);
						lines_add(&ls, t.p);
						free(t.p);
					}
					break;
				}
			case B_TABLE:
				pdf_table(r, bl->grid, &ls);
				break;
		}
	}
	/* pages: a centred page number and a form feed every perpage lines */
	for (int i = 0; i < ls.n; i++)
	{
		bput(out, ls.l[i]);
		bput(out, "\n");
		if ((i + 1) % perpage == 0 || i == ls.n - 1)
		{
			bprintf(out, "%*s-%d-\n\f", (int) rint_(30, 36), "", page);
			page++;
		}
	}
	lines_free(&ls);
}

static void
render_markdown(Report *r, Doc *d, Buf *out)
{
	for (int i = 0; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];

		switch (bl->kind)
		{
			case B_TITLE:
				bput(out, "# ");
				put_joined(out, bl->text, "");
				bput(out, "\n\n");
				break;
			case B_HEADING:
				bprintf(out, "## %s\n\n", bl->text);
				break;
			case B_SUBHEAD:
				bprintf(out, "**%s**\n\n", bl->text);
				break;
			case B_PARA:
				bprintf(out, "%s\n\n", bl->text);
				break;
			case B_CLOSING:
				put_joined(out, bl->text, "\n\n");
				bput(out, "\n");
				break;
			case B_TABLE:
				{
					Grid	   *g = bl->grid;

					for (int row = 0; row < g->nrows; row++)
					{
						int			next = 0;

						bput(out, "|");
						for (int col = 0; col < g->ncols;)
						{
							if (next < g->ncells[row] && g->cells[row][next].col == col)
							{
								const GCell *c = &g->cells[row][next++];

								bput(out, " ");
								put_joined(out, c->text, "");
								bput(out, " |");
								for (int k = 1; k < c->cs; k++)
									bput(out, "  |");
								col += c->cs;
							}
							else
							{
								bput(out, "  |");
								col++;
							}
						}
						bput(out, "\n");
						if (row == 0)
						{
							bput(out, "|");
							for (int col = 0; col < g->ncols; col++)
								bput(out, "---|");
							bput(out, "\n");
						}
					}
					bput(out, "\n");
					break;
				}
		}
	}
}

static void
crawler_header(Report *r, Doc *d, Buf *out)
{
	char		title[256];
	char	   *p;
	int			day = r->pub_day + r->crawl_day;
	long long	hour,
				minute;

	snprintf(title, sizeof(title), "%s", d->b[0].text);
	while ((p = strchr(title, '\n')) != NULL)
		memmove(p, p + 1, strlen(p));
	bprintf(out, "标题: %s\n", title);
	hour = rint_(8, 18);
	minute = rint_(0, 59);
	bprintf(out, "发布时间: %d-%02d-%02d %02lld:%02lld\n", r->year + 1, r->pub_month, day, hour, minute);
	bput(out, "文号: \n发布机构: \n栏目: 政府信息公开年报\n");
	bprintf(out, "原文链接: https://www.example.gov.cn/zwgk/xxgknb/%d%02d/t%d%02d%02d_%lld.htm\n",
			r->year + 1, r->pub_month, r->year + 1, r->pub_month, day, rint_(10000, 99999));
	bput(out, "==================== 正文 ====================\n");
}

/* web text on few lines: spaced (cells separated by one space) or run together */
static void
render_webtext(Report *r, Doc *d, Buf *out, bool together)
{
	if (r->crawler)
		crawler_header(r, d, out);
	for (int i = 0; i < d->n; i++)
	{
		Block	   *bl = &d->b[i];

		if (i > 0)
			bput(out, " ");
		switch (bl->kind)
		{
			case B_TITLE:
			case B_HEADING:
			case B_SUBHEAD:
			case B_PARA:
			case B_CLOSING:
				put_joined(out, bl->text, " ");
				break;
			case B_TABLE:
				{
					Grid	   *g = bl->grid;

					for (int row = 0; row < g->nrows; row++)
					{
						bool		data = false;

						for (int k = 0; k < g->ncells[row]; k++)
							if (g->cells[row][k].value)
								data = true;
						if (!together || !data || g->spaced_values[row])
						{
							for (int k = 0; k < g->ncells[row]; k++)
							{
								if (row > 0 || k > 0)
									bput(out, " ");
								put_joined(out, g->cells[row][k].text, " ");
							}
							continue;
						}
						/* labels, maybe a space, then the values with no separator */
						if (row > 0 && !g->spaced_values[row - 1])
						{
							bool		prev_data = false;

							for (int k = 0; k < g->ncells[row - 1]; k++)
								if (g->cells[row - 1][k].value)
									prev_data = true;
							if (!prev_data)
								bput(out, " ");
						}
						for (int k = 0; k < g->ncells[row]; k++)
						{
							const GCell *c = &g->cells[row][k];

							if (!c->value)
							{
								if (k > 0)
									bput(out, " ");
								put_joined(out, c->text, "");
							}
							else
							{
								if (k > 0 && !g->cells[row][k - 1].value && g->kind == 3 && chance(50))
									bput(out, " ");
								put_joined(out, c->text, "");
							}
						}
					}
					break;
				}
		}
	}
	bput(out, "\n");
}

/* half-width punctuation, as some sites convert it */
static void
ascii_punctuation(Buf *b)
{
	replace_all(b, "（", "(");
	replace_all(b, "）", ")");
	replace_all(b, "，", ",");
	replace_all(b, "：", ":");
	replace_all(b, "；", ";");
}

static void
render(Report *r, Doc *d, Buf *out)
{
	switch (r->layout)
	{
		case L_WORD:
			render_word(r, d, out);
			break;
		case L_PIPE:
			render_pipe(r, d, out);
			if (r->ascii_punct)
				ascii_punctuation(out);
			break;
		case L_HTML:
			render_html(r, d, out);
			break;
		case L_PDFLAYOUT:
			render_pdflayout(r, d, out);
			break;
		case L_MARKDOWN:
			render_markdown(r, d, out);
			break;
		case L_SPACED:
			render_webtext(r, d, out, false);
			break;
		default:
			render_webtext(r, d, out, true);
			break;
	}
}

/* ------------------------------------------------------------------------
 * Gold
 * ------------------------------------------------------------------------ */

static void
json_cell(Buf *b, const Cell *c)
{
	if (c->null)
		bput(b, "null");
	else
		bprintf(b, "%lld", c->v);
}

static void
json_str(Buf *b, const char *s)
{
	bput(b, "\"");
	for (const char *p = s; *p; p++)
	{
		if (*p == '"' || *p == '\\')
			bprintf(b, "\\%c", *p);
		else if ((unsigned char) *p < 0x20)
			bprintf(b, "\\u%04x", *p);
		else
			bputn(b, p, 1);
	}
	bput(b, "\"");
}

static void
json_fields(Buf *b, const char *indent, const char *const *keys, const Cell *cells, int n, bool last)
{
	for (int i = 0; i < n; i++)
	{
		bprintf(b, "%s\"%s\": ", indent, keys[i]);
		json_cell(b, &cells[i]);
		bput(b, i < n - 1 ? ",\n" : "\n");
	}
	(void) last;
}

static void
write_gold(Report *r, Buf *b)
{
	static const char *const k2019_made[] = {"made", "published", "total"};
	static const char *const k2019_items[] = {"prior", "change", "decisions"};
	static const char *const k2021_docs[] = {"issued", "repealed", "in_force"};
	static const char *const k2021_dec[] = {"decisions"};
	bool		first;
	Buf			unc = {0};

	bput(b, "{\n");
	bprintf(b, " \"template\": \"%s\",\n", r->tpl_active == r->tpl_requests
			? (r->tpl_active == 2019 ? "2019" : "2021") : "mixed");
	bput(b, " \"agency\": ");
	json_str(b, r->ag.name);
	bprintf(b, ",\n \"year\": %d,\n", r->year);
	if (r->published[0])
		bprintf(b, " \"published\": \"%s\",\n", r->published);
	else
		bput(b, " \"published\": null,\n");

	bput(b, " \"active\": {\n");
	first = true;
	for (int row = 0; row < A_NROWS; row++)
	{
		int			n = active_ncells(r->tpl_active, row);

		if (n == 0)
			continue;
		if (!first)
			bput(b, ",\n");
		first = false;
		bprintf(b, "  \"%s\": {\n", active_keys[row]);
		if (r->tpl_active == 2019)
		{
			if (row == A_RULES || row == A_NORMATIVE)
				json_fields(b, "   ", k2019_made, r->act[row], 3, true);
			else if (row == A_FEES)
				json_fields(b, "   ", k2019_items, r->act[row], 2, true);
			else if (row == A_PROCUREMENT)
			{
				bput(b, "   \"projects\": ");
				json_cell(b, &r->act[row][0]);
				bput(b, ",\n   \"amount_yuan\": ");
				json_cell(b, &r->act[row][1]);
				bput(b, ",\n   \"amount_text\": ");
				json_str(b, r->amount_text);
				bput(b, "\n");
			}
			else
				json_fields(b, "   ", k2019_items, r->act[row], 3, true);
		}
		else
		{
			if (row == A_RULES || row == A_NORMATIVE)
				json_fields(b, "   ", k2021_docs, r->act[row], 3, true);
			else if (row == A_FEES)
			{
				bput(b, "   \"amount_yuan\": ");
				json_cell(b, &r->act[row][0]);
				bput(b, "\n");
			}
			else
				json_fields(b, "   ", k2021_dec, r->act[row], 1, true);
		}
		bput(b, "  }");
		for (int c = 0; c < n; c++)
			if (r->act[row][c].uncertain)
			{
				const char *key;

				if (r->tpl_active == 2019)
					key = (row == A_RULES || row == A_NORMATIVE) ? k2019_made[c]
						: row == A_PROCUREMENT ? (c == 0 ? "projects" : "amount_yuan") : k2019_items[c];
				else
					key = (row == A_RULES || row == A_NORMATIVE) ? k2021_docs[c]
						: row == A_FEES ? "amount_yuan" : "decisions";
				bprintf(&unc, "%s\"active.%s.%s\"", unc.len ? ", " : "", active_keys[row], key);
				if (row == A_PROCUREMENT && c == 1)
					bprintf(&unc, ", \"active.procurement.amount_text\"");
			}
	}
	bput(b, "\n },\n");

	bput(b, " \"requests\": {\n");
	first = true;
	for (int row = 0; row < R_NROWS; row++)
	{
		if (!request_row_in(r, row))
			continue;
		if (!first)
			bput(b, ",\n");
		first = false;
		bprintf(b, "  \"%s\": {\n", request_keys[row]);
		json_fields(b, "   ", request_col_keys, r->req[row], 7, true);
		bput(b, "  }");
		for (int c = 0; c < 7; c++)
			if (r->req[row][c].uncertain)
				bprintf(&unc, "%s\"requests.%s.%s\"", unc.len ? ", " : "", request_keys[row], request_col_keys[c]);
	}
	bput(b, "\n },\n");

	bput(b, " \"review\": {\n");
	for (int row = 0; row < V_NROWS; row++)
	{
		bprintf(b, "  \"%s\": {\n", review_keys[row]);
		json_fields(b, "   ", review_col_keys, r->rev[row], 5, true);
		bput(b, row < V_NROWS - 1 ? "  },\n" : "  }\n");
	}
	bput(b, " }");
	if (r->fee_stated)
	{
		bput(b, ",\n \"processing_fees\": {\n");
		if (r->fee_cases < 0)
			bput(b, "  \"cases\": null,\n");
		else
			bprintf(b, "  \"cases\": %lld,\n", r->fee_cases);
		bprintf(b, "  \"amount_yuan\": %lld\n }", r->fee_amount);
	}
	if (unc.len)
		bprintf(b, ",\n \"_uncertain\": [%s]", unc.p);
	bput(b, "\n}\n");
	free(unc.p);
}

/* ------------------------------------------------------------------------
 * One report
 * ------------------------------------------------------------------------ */

static int
feature(int opt, int pct)
{
	return opt >= 0 ? opt : chance(pct);
}

static void
make_report(const Options *o, int index, Report *r)
{
	static const int days_in_jan_feb[] = {31, 28};

	memset(r, 0, sizeof(*r));
	rng = (uint64_t) o->seed * 0x100000001b3ULL + (uint64_t) index * 0x9e3779b97f4a7c15ULL + 1;
	rnd();
	r->index = index;
	r->layout = o->layout >= 0 ? o->layout : (int) (rnd() % L_NLAYOUTS);

	switch (o->format)
	{
		case 2019:
			r->tpl_active = r->tpl_requests = 2019;
			break;
		case 2021:
			r->tpl_active = r->tpl_requests = 2021;
			break;
		case 1:
			r->tpl_active = 2021;
			r->tpl_requests = 2019;
			break;
		default:
			{
				int			k = (int) rint_(0, 99);

				if (k < 45)
					r->tpl_active = r->tpl_requests = 2019;
				else if (k < 95)
					r->tpl_active = r->tpl_requests = 2021;
				else
				{
					r->tpl_active = 2021;
					r->tpl_requests = 2019;
				}
			}
	}
	if (o->year)
		r->year = o->year;
	else if (r->tpl_active == 2019 && r->tpl_requests == 2019)
		r->year = (int) rint_(2019, 2020);
	else
		r->year = (int) rint_(2021, 2024);

	make_agency(&r->ag);
	r->pub_month = chance(85) ? 1 : 2;
	r->pub_day = (int) rint_(5, days_in_jan_feb[r->pub_month - 1] - 5);
	r->crawl_day = (int) rint_(0, 3);

	/* layouts where a blank cell would vanish cannot have blank cells */
	{
		bool		blank_ok = r->layout == L_WORD || r->layout == L_PIPE ||
			r->layout == L_HTML || r->layout == L_MARKDOWN;
		bool		web = r->layout == L_SPACED || r->layout == L_RUNTOGETHER;

		r->fullwidth = feature(o->fullwidth, 8) && r->layout != L_RUNTOGETHER;
		r->blank_orgs = blank_ok && feature(o->blank_orgs, 15);
		r->blank_review = blank_ok && feature(o->blank_review, 5);
		r->placeholders = feature(o->placeholders, 20) && r->layout != L_RUNTOGETHER;
		r->units = feature(o->units, 20);
		r->signs = feature(o->signs, 40);
		r->vertical = r->layout == L_WORD && feature(o->vertical, 40);
		r->variants = feature(o->variants, 15);
		r->numbering = o->numbering >= 0 ? o->numbering
			: (chance(85) ? 0 : (int) rint_(1, 3));
		if (r->numbering == 1 && r->layout == L_PIPE)
			r->ascii_punct = true;
		r->headings = o->headings >= 0 ? o->headings : (chance(10) ? 1 : 0);
		r->closing = feature(o->closing, 85);
		r->crawler = (web || r->layout == L_PIPE || r->layout == L_HTML) && feature(o->crawler, web ? 85 : 40);
		r->amount_style = o->amount_style;
		r->broken_heads = r->layout != L_SPACED && r->layout != L_RUNTOGETHER && chance(60);
		r->html_nbsp = chance(50);
		r->scale = o->scale >= 0 ? o->scale : (int) rint_(0, 99) < 12 ? 0
			: (int) rint_(0, 99) < 55 ? 1 : (int) rint_(0, 99) < 75 ? 2 : 3;
		if (r->layout == L_RUNTOGETHER && r->scale > 1 && o->scale < 0)
			r->scale = 1;
		r->breaks = o->breaks;
	}

	for (int row = 0; row < A_NROWS; row++)
		gen_active_row(r, row);
	gen_requests(r);
	gen_review(r);
	gen_fees(r);
	if (r->layout == L_RUNTOGETHER)
		settle_runtogether(r);
	else
		apply_breaks(r);

	if (r->crawler)
		snprintf(r->published, sizeof(r->published), "%04d-%02d-%02d",
				 r->year + 1, r->pub_month, r->pub_day + r->crawl_day);
	else if (r->closing)
		snprintf(r->published, sizeof(r->published), "%04d-%02d-%02d",
				 r->year + 1, r->pub_month, r->pub_day);
	else
		r->published[0] = '\0';
}

static void
generate(const Options *o, int index, Buf *body, Buf *gold, Report *r)
{
	Doc		   *d = calloc(1, sizeof(Doc));

	make_report(o, index, r);
	build_doc(r, d);
	render(r, d, body);
	if (gold)
		write_gold(r, gold);
	free(d);
	pool_reset();
}

/* ------------------------------------------------------------------------
 * Command line (left out when a program includes this file as a library:
 * test/fuzz/semantic_fuzzer.c defines GEN_REPORTS_NO_MAIN)
 * ------------------------------------------------------------------------ */
#ifndef GEN_REPORTS_NO_MAIN

static void
usage(void)
{
	fprintf(stderr,
			"usage: gen_reports [options] (--reports DIR [--gold DIR] | --copy | --stdout)\n"
			"  --seed N            random seed (default 1); report i depends on seed and i only\n"
			"  --count N           number of reports (default 1)\n"
			"  --format F          2019 | 2021 | mixed | any (default any)\n"
			"  --layout L          word | pipe | html | pdflayout | markdown | spaced | runtogether | any\n"
			"  --year Y            the year reported on (default: one that fits the format)\n"
			"  --name NAME         file name (without extension) when --count is 1\n"
			"  --reports DIR       write NAME.EXT there;  --gold DIR: NAME.json there\n"
			"  --copy              write \"id<TAB>layout<TAB>body\" lines in COPY text format to stdout\n"
			"  --stdout            write the report text to stdout\n"
			"features (on/off; default: at random per report):\n"
			"  --fullwidth --blank-orgs --placeholders --units --signs --vertical --variants\n"
			"  --closing --crawler --blank-review (each also as --no-...)\n"
			"  --numbering paren|ascii|circled|dparen   （一） (一) ㈠ ⑴\n"
			"  --headings cn|arabic                     一、 or 1、\n"
			"  --scale 0-3                              size of the figures (0: no requests)\n"
			"  --amount yuan|wan-yuan|wan|header-wan|header-yuan|none\n"
			"                      how 采购总金额 states its unit: 984361元, 27.65万元, 299.025万, a header\n"
			"                      （万元）/（元） over a bare number, or no unit anywhere (amount unknown)\n"
			"  --break LIST        row_sum,results_sum,balance,review_sum,prose: print figures that do not add up\n");
	exit(2);
}

static bool
flag(const char *arg, const char *name, int *out)
{
	char		no[64];

	snprintf(no, sizeof(no), "--no-%s", name + 2);
	if (strcmp(arg, name) == 0)
	{
		*out = 1;
		return true;
	}
	if (strcmp(arg, no) == 0)
	{
		*out = 0;
		return true;
	}
	return false;
}

static void
copy_escape(Buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		char		ch = s[i];

		switch (ch)
		{
			case '\\':
				bput(out, "\\\\");
				break;
			case '\t':
				bput(out, "\\t");
				break;
			case '\n':
				bput(out, "\\n");
				break;
			case '\r':
				bput(out, "\\r");
				break;
			case '\f':
				bput(out, "\\f");
				break;
			default:
				bputn(out, &s[i], 1);
		}
	}
}

static void
write_file(const char *path, const Buf *b)
{
	FILE	   *f = fopen(path, "wb");

	if (!f)
	{
		fprintf(stderr, "gen_reports: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	fwrite(b->p, 1, b->len, f);
	if (fclose(f) != 0)
	{
		fprintf(stderr, "gen_reports: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	Options		o;
	Buf			body = {0},
				gold = {0},
				line = {0};
	Report	   *r = calloc(1, sizeof(Report));

	memset(&o, 0, sizeof(o));
	o.seed = 1;
	o.count = 1;
	o.layout = -1;
	o.fullwidth = o.blank_orgs = o.placeholders = o.units = o.signs = -1;
	o.vertical = o.variants = o.closing = o.crawler = o.blank_review = -1;
	o.numbering = o.headings = o.scale = -1;
	o.amount_style = -1;

	for (int i = 1; i < argc; i++)
	{
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (flag(a, "--fullwidth", &o.fullwidth) || flag(a, "--blank-orgs", &o.blank_orgs) ||
			flag(a, "--placeholders", &o.placeholders) || flag(a, "--units", &o.units) ||
			flag(a, "--signs", &o.signs) || flag(a, "--vertical", &o.vertical) ||
			flag(a, "--variants", &o.variants) || flag(a, "--closing", &o.closing) ||
			flag(a, "--crawler", &o.crawler) || flag(a, "--blank-review", &o.blank_review))
			continue;
		if (strcmp(a, "--copy") == 0)
		{
			o.copy = true;
			continue;
		}
		if (strcmp(a, "--stdout") == 0)
		{
			o.to_stdout = true;
			continue;
		}
		if (!v)
			usage();
		i++;
		if (strcmp(a, "--seed") == 0)
			o.seed = atoll(v);
		else if (strcmp(a, "--count") == 0)
			o.count = atoi(v);
		else if (strcmp(a, "--year") == 0)
			o.year = atoi(v);
		else if (strcmp(a, "--name") == 0)
			o.name = v;
		else if (strcmp(a, "--reports") == 0)
			o.reports_dir = v;
		else if (strcmp(a, "--gold") == 0)
			o.gold_dir = v;
		else if (strcmp(a, "--scale") == 0)
			o.scale = atoi(v);
		else if (strcmp(a, "--format") == 0)
		{
			if (strcmp(v, "2019") == 0)
				o.format = 2019;
			else if (strcmp(v, "2021") == 0)
				o.format = 2021;
			else if (strcmp(v, "mixed") == 0)
				o.format = 1;
			else if (strcmp(v, "any") == 0)
				o.format = 0;
			else
				usage();
		}
		else if (strcmp(a, "--layout") == 0)
		{
			o.layout = -1;
			for (int k = 0; k < L_NLAYOUTS; k++)
				if (strcmp(v, layout_names[k]) == 0)
					o.layout = k;
			if (o.layout < 0 && strcmp(v, "any") != 0)
				usage();
		}
		else if (strcmp(a, "--numbering") == 0)
		{
			static const char *const names[] = {"paren", "ascii", "circled", "dparen"};

			o.numbering = -1;
			for (int k = 0; k < 4; k++)
				if (strcmp(v, names[k]) == 0)
					o.numbering = k;
			if (o.numbering < 0)
				usage();
		}
		else if (strcmp(a, "--amount") == 0)
		{
			static const char *const names[] = {"yuan", "wan-yuan", "wan", "header-wan", "header-yuan", "header-yuan2", "none"};

			o.amount_style = -1;
			for (int k = 0; k < 7; k++)
				if (strcmp(v, names[k]) == 0)
					o.amount_style = k;
			if (o.amount_style < 0)
				usage();
		}
		else if (strcmp(a, "--headings") == 0)
		{
			if (strcmp(v, "cn") == 0)
				o.headings = 0;
			else if (strcmp(v, "arabic") == 0)
				o.headings = 1;
			else
				usage();
		}
		else if (strcmp(a, "--break") == 0)
		{
			char	   *list = xstrdup(v);

			for (char *t = strtok(list, ","); t; t = strtok(NULL, ","))
			{
				if (strcmp(t, "row_sum") == 0)
					o.breaks |= BRK_ROW_SUM;
				else if (strcmp(t, "results_sum") == 0)
					o.breaks |= BRK_RESULTS_SUM;
				else if (strcmp(t, "balance") == 0)
					o.breaks |= BRK_BALANCE;
				else if (strcmp(t, "review_sum") == 0)
					o.breaks |= BRK_REVIEW_SUM;
				else if (strcmp(t, "prose") == 0)
					o.breaks |= BRK_PROSE;
				else
					usage();
			}
			free(list);
		}
		else
			usage();
	}
	if (!o.copy && !o.to_stdout && !o.reports_dir)
		usage();

	for (int i = 0; i < o.count; i++)
	{
		breset(&body);
		breset(&gold);
		generate(&o, i, &body, o.gold_dir ? &gold : NULL, r);
		if (o.copy)
		{
			breset(&line);
			bprintf(&line, "%d\t%s\t", i + 1, layout_names[r->layout]);
			copy_escape(&line, body.p, body.len);
			bput(&line, "\n");
			fwrite(line.p, 1, line.len, stdout);
		}
		else if (o.to_stdout)
			fwrite(body.p, 1, body.len, stdout);
		if (o.reports_dir)
		{
			char		name[256],
						path[1024];

			if (o.name && o.count == 1)
				snprintf(name, sizeof(name), "%s", o.name);
			else
				snprintf(name, sizeof(name), "%s%05d-%s-%d", o.name ? o.name : "report-", i + 1,
						 layout_names[r->layout], r->year);
			snprintf(path, sizeof(path), "%s/%s.%s", o.reports_dir, name, layout_ext[r->layout]);
			write_file(path, &body);
			if (o.gold_dir)
			{
				snprintf(path, sizeof(path), "%s/%s.json", o.gold_dir, name);
				write_file(path, &gold);
			}
		}
	}
	free(body.p);
	free(gold.p);
	free(line.p);
	free(r);
	return fflush(stdout) == 0 ? 0 : 1;
}
#endif							/* GEN_REPORTS_NO_MAIN */
