import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/create-password.stories.js';

visualSuite('create-password', stories);
