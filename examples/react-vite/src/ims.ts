// The page's client id and IMS, from Vite's environment (the rule is in ims-settings.ts).
import { imsSettings } from './ims-settings';

export const { clientId: CLIENT_ID, imsOrigin: IMS_ORIGIN } = imsSettings(import.meta.env, import.meta.env.DEV);
