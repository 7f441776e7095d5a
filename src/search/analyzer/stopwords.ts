/**
 * Indonesian stop words: Warta's own list, written for the project (not copied from another list).
 * Function words only — conjunctions, prepositions, pronouns, determiners, auxiliaries, particles,
 * and the commonest discourse adverbs. Content words that newsrooms search for (e.g. "presiden",
 * "harga", "baru") are deliberately absent. All entries are folded (lower case, no accents).
 */
const WORDS = `
yang dan di ke dari ini itu untuk dengan pada dalam atau juga tidak tak bukan akan sudah telah
masih belum sedang lagi pun saja hanya bahwa karena sebab agar supaya jika kalau bila apabila
maka namun tetapi tapi melainkan serta lalu kemudian sehingga hingga sampai sejak selama ketika
saat sewaktu setelah sesudah sebelum sambil seraya walau walaupun meski meskipun biarpun padahal
adalah ialah merupakan yakni yaitu ada oleh bagi tentang terhadap antara kepada daripada akan
secara sebagai seperti bagaimana mengapa kenapa apa siapa mana kapan dimana berapa apakah
saya aku kami kita anda engkau kamu kau dia ia beliau mereka nya ku mu
sini situ sana begini begitu demikian tersebut para sang si sebuah seorang suatu setiap tiap
semua seluruh segala banyak beberapa sejumlah lain lainnya sendiri
bisa dapat harus boleh mau ingin perlu mesti mungkin pernah sering selalu hampir sangat amat
lebih paling cukup terlalu agak sekali pula kah lah tah per atas bawah
oh ya ah eh deh dong kok sih kan nah toh wah
ujar kata katanya menurut
`;

export const INDONESIAN_STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/u).filter(Boolean));

export function isStopWord(foldedWord: string): boolean {
  return INDONESIAN_STOP_WORDS.has(foldedWord);
}
