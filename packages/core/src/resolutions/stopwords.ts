/**
 * Words that say nothing about what went wrong, in Bahasa Indonesia (formal and chat forms) and English.
 * A similar-case query without them ranks on the words that tell cases apart. Folded (lower case, no
 * accents), as `searchTokens` produces them.
 */
const indonesian = `
ada adalah agar akan aku aja anda apa apakah atau bagaimana bahwa baru bisa boleh buat bukan cuma dalam dan
dari dengan di dia disini ga gak gimana gitu gue guys hal harus ini itu jadi jika juga kah kak kakak kalau kami
kamu kan kapan karena kayak ke kenapa kepada ketika kita kok lagi lah lalu mau mana masih maupun mereka min
mimin nya oleh pada para pun saat saja sama sampai sangat satu saya se sebagai sebelum sedang sehingga sekali
semua seperti setelah siapa sih sini situ supaya tapi telah tentang terus tetapi tuh untuk yaa yah yang ya
nih dong deh loh kok udah sudah belum tidak nggak ngga enggak tak bgt banget aja gan sis bos pak bu ibu bapak
halo hai selamat pagi siang sore malam terima kasih makasih thx tolong mohon please
`;

const english = `
a about after again all also am an and any are as at be been before being but by can could did do does doing
for from had has have having he her here hi hello his how i if in into is it its just me my no nor not of on
once only or other our out over own same she should so some such than that the their them then there these
they this those through to too under until up very was we were what when where which while who whom why will
with would you your yours yet hey dear thanks thank still already get got ive im dont didnt cant wont
`;

export const stopWords: ReadonlySet<string> = new Set([...indonesian.split(/\s+/), ...english.split(/\s+/)].filter(Boolean));
