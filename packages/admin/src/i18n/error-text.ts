import { uiLanguage } from './index.ts'

/** Validation messages from the contract schemas and the server (English), with Japanese wording and clearer English. */
const MESSAGES: [RegExp, string, string?][] = [
  [/^is required$/, '入力してください'],
  [/^Too small: expected string to have >=1 characters?$/, '入力してください', 'is required'],
  [
    /^must be lower-case letters, digits and dashes, starting with a letter$/,
    '半角英小文字・数字・ハイフンで、英字から始めてください',
  ],
  [
    /^must be a host name such as "www\.example\.com" or "\*\.example\.com", optionally followed by a path such as "\/gtm\.js"$/,
    'ホスト名（例：www.example.com、*.example.com）を入力してください。後ろにパスを付けられます（例：/gtm.js）',
  ],
  [/^must be an http\(s\) URL$/, 'http:// または https:// で始まるURLを入力してください'],
  [/^must be a colour like #1a2b3c$/, '#1a2b3c のような色を指定してください'],
  [/^must be a language tag such as "ja" or "en-GB"$/, '「ja」や「en-GB」のような言語タグを入力してください'],
  [/^must be a cookie name, optionally ending in \*$/, 'Cookie名を入力してください（末尾の * は前方一致）'],
  [/^must be an origin such as (\S+) \(no path\)$/, '$1 のようなオリジン（パスなし）を入力してください'],
  [
    /^must be an IANA time zone such as Asia\/Tokyo, Europe\/Berlin or UTC$/,
    'Asia/Tokyo、Europe/Berlin、UTC のような IANA のタイムゾーン名を入力してください',
  ],
  [/^must be one of the site languages$/, 'サイトの言語から選んでください'],
  [/^at least one language$/, '言語を1つ以上指定してください'],
  [/^at least one purpose$/, '利用目的を1つ以上作成してください'],
  [/^a vendor needs at least one purpose$/, 'ベンダーには利用目的が1つ以上必要です'],
  [/^must be an email address$/, 'メールアドレスを入力してください'],
  [/^must be at least (\d+) characters$/, '$1文字以上にしてください'],
  [/^must differ from the current password$/, '現在のパスワードと異なるものにしてください'],
  [/^is not your current password$/, '現在のパスワードと一致しません'],
  [/^must match the new password$/, '新しいパスワードと一致しません'],
  [/^is the last admin$/, '最後の管理者です'],
  [/^duplicate purpose "(.+)"$/, '利用目的「$1」が重複しています'],
  [/^duplicate vendor "(.+)"$/, 'ベンダー「$1」が重複しています'],
  [/^unknown purpose "(.+)"$/, '利用目的「$1」はありません'],
  // Region rules (@torii/schema regions/region-rules.ts, region-codes.ts).
  [/^"(.+)" is not an assigned ISO 3166-1 country code$/, '「$1」は ISO 3166-1 の国コードではありません'],
  [
    /^"(.+)" is not an ISO 3166-2 subdivision of (\w+)$/,
    '「$1」は $2 の ISO 3166-2 地域コードではありません',
  ],
  [
    /^"(.+)": Torii knows the subdivisions of (.+) only; name the country (\w+)$/,
    '「$1」：地域コードは $2 のものだけ使えます。国コード $3 を指定してください',
  ],
  [
    /^unknown region code "(.+)": .*$/,
    '不明なコード「$1」：国（JP）、地域（US-CA）、グループ（EEA、EU、UK、US-PRIVACY-STATES）、または既定のルールの「*」を指定してください',
  ],
  [/^"(.+)" is listed twice$/, '「$1」が重複しています'],
  [
    /^"\*" \(the default rule\) must stand alone$/,
    '「*」（既定のルール）はほかのコードと一緒に指定できません',
  ],
  [
    /^a second default rule: "(.+)" is the default$/,
    '既定のルールが2つあります：「$1」がすでに既定のルールです',
  ],
  [
    /^needs a default rule: one whose match is \["\*"\]$/,
    '既定のルール（コードが「*」だけのルール）が必要です',
  ],
  [/^duplicate rule "(.+)"$/, 'ルール「$1」が重複しています'],
  [
    /^only for opt-out and notice rules: .*$/,
    'オプトアウトと通知のルールだけで指定できます（オプトインのルールはすべての利用目的で先に同意を求めます）',
  ],
  [
    /^"(.+)" overlaps "(.+)" of rule "(.+?)"(?: \(both hold (.+)\))?: a visitor there would match both rules at the same specificity$/,
    '「$1」はルール「$3」の「$2」と重なっています：そこの訪問者が同じ段階の2つのルールに当てはまります',
  ],
  [
    /^"(.+)" is a required purpose: always on, it cannot wait for consent$/,
    '「$1」は必須の利用目的です（常にオン）：同意を待たせることはできません',
  ],
  [
    /^name at least one country, subdivision or group, or "\*" for the default rule$/,
    '国・地域・グループを1つ以上、または既定のルールには「*」を指定してください',
  ],
  [/^must be one of opt-in, opt-out, notice$/, 'オプトイン・オプトアウト・通知から選んでください'],
  [
    /^must be an http\(s\) URL or a path starting with \/$/,
    'http:// か https:// で始まるURL、または / で始まるパスを入力してください',
  ],
  [/^must be a domain such as example\.com$/, 'example.com のようなドメインを入力してください'],
  // zod's own wording, made plain.
  [
    /^Too big: expected string to have <=(\d+) characters?$/,
    '$1文字以内にしてください',
    'at most $1 characters',
  ],
  [
    /^Too small: expected string to have >=(\d+) characters?$/,
    '$1文字以上にしてください',
    'at least $1 characters',
  ],
  [/^Too big: expected number to be <=(-?[\d.]+)$/, '$1以下にしてください', 'at most $1'],
  [/^Too small: expected number to be >=(-?[\d.]+)$/, '$1以上にしてください', 'at least $1'],
  [/^Too small: expected array to have >=(\d+) items?$/, '$1件以上指定してください', 'needs at least $1'],
  [/^Too big: expected array to have <=(\d+) items?$/, '$1件以内にしてください', 'at most $1 entries'],
  [/^Invalid input: expected \w+, received undefined$/, '入力してください', 'is required'],
  [
    /^Invalid input: expected (int|number), received \w+$/,
    '整数を入力してください',
    'must be a whole number',
  ],
  [/^Invalid option: expected one of .*$/, '選択肢から選んでください', 'must be one of the choices'],
  [/^Invalid input: expected boolean, received \w+$/, 'オンかオフを選んでください', 'must be on or off'],
]

/** A field error in the UI language; messages we do not know are shown as the server wrote them. */
export function errorText(message: string): string {
  for (const [pattern, ja, en] of MESSAGES) {
    if (!pattern.test(message)) continue
    if (uiLanguage.value === 'ja') return message.replace(pattern, ja)
    return en ? message.replace(pattern, en) : message
  }
  return message
}
