// The council's term dictionary: rows in the store, imported from a file the user chose, exported as a download.
import type { TermsApi } from '../../common/api';
import type { MeetingStore } from '../../store/meetingStoreContract';
import type { FileRefs } from '../fileRefs';
import { importTermFile, termFileBytes, toTermRow } from './termFiles';

export interface TermsServiceOptions {
  store: MeetingStore;
  files: FileRefs;
}

export function createTermsService({ store, files }: TermsServiceOptions): TermsApi {
  return {
    async listTerms() {
      return store.listTerms().map(toTermRow);
    },
    async importTerms(fileRef, mode) {
      return importTermFile(store, files.resolve(fileRef).path, mode);
    },
    async exportTermsBase64(format, encoding) {
      return termFileBytes(store, format, encoding).toString('base64');
    },
    async saveTerm(term) {
      return toTermRow(store.saveTerm(term));
    },
    async deleteTerm(termId) {
      store.deleteTerm(termId);
    },
  };
}
