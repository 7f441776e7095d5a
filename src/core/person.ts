export interface Person {
  id: number;
  slug: string;
  name: string;
  bio: string;
  photoMediaId: number | null;
}
